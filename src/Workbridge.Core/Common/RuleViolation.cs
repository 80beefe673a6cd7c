namespace Workbridge.Core.Common;

/// <summary>
/// A domain rule refused an operation. <see cref="Code"/> is stable (for clients and tests),
/// <see cref="Field"/> names the input at fault when there is one, and the message says why in plain words.
/// </summary>
public sealed class RuleViolation(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;
}
