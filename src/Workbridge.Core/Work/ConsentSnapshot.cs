using System.Text.Json;
using System.Text.Json.Serialization;
using Workbridge.Core.Pay;

namespace Workbridge.Core.Work;

/// <summary>
/// What a person is shown and consents to, kept with the consent as JSON: who offers it, the terms, and every standing
/// deduction from their pay at that moment. Deductions are set by courts and the law, not by the employer, so they are
/// shown but are not part of the terms hash: a new court order does not stop the work.
/// </summary>
public sealed record ConsentSnapshot(
    string Offeror,
    string Kind,
    string Mode,
    string Title,
    string Duties,
    long HourlyWageMinor,
    int HoursPerWeek,
    DateOnly Start,
    DateOnly? End,
    string TermsHash,
    IReadOnlyList<ConsentSnapshot.Deduction> Deductions)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A deduction as the person was told of it.</summary>
    public sealed record Deduction(string Kind, int? Permille, long? MonthlyMinor, string Reference);

    public static ConsentSnapshot For(IOpening opening, string offeror, WorkMode? mode, IEnumerable<DeductionOrder> deductions, DateOnly today) => new(
        offeror,
        Common.EnumText.Kebab(opening.Kind),
        mode is { } m ? Common.EnumText.Kebab(m) : "training",
        opening.Terms.Title,
        opening.Terms.Duties,
        opening.Terms.HourlyWageMinor,
        opening.Terms.HoursPerWeek,
        opening.Terms.Start,
        opening.Terms.End,
        opening.Terms.Hash,
        [.. deductions.Where(d => d.From <= today && (d.To is null || d.To >= today) && d.OutstandingMinor is not 0).OrderBy(d => d.Kind).Select(d => new Deduction(Common.EnumText.Kebab(d.Kind), d.Permille, d.MonthlyMinor, d.Reference))]);

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    public static ConsentSnapshot? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ConsentSnapshot>(json, _json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
