namespace Workbridge.Core.Verdicts;

/// <summary>A word of a text can fill this slot of this pattern.</summary>
public readonly record struct SlotRef(int Pattern, int Slot);
