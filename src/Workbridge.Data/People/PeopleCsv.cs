using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Data.Csv;
using Workbridge.Data.Reference;

namespace Workbridge.Data.People;

/// <summary>
/// The people file: one row per person, the columns of <see cref="Header"/>. Import creates each person by an
/// admission to the named facility and, for a status of released or temporarily released, the movement out at
/// released_at; it stores the whole file or, at the first bad line, nothing.
/// Lists inside a cell are separated by ';': offences as legal references (RU-UK 158 ч.2 п.«а»), occupations as
/// ISCO:proficiency:evidence (7522:competent:certificate), languages as ISO 639 codes (ru;tt).
/// </summary>
public static class PeopleCsv
{
    public static readonly string[] Header =
    [
        "reference_number", "surname", "given_name", "patronymic", "birth_date", "sex", "legal_status", "sentence_kind",
        "sentence_start", "sentence_end", "expected_release", "education_isced", "offences", "occupations", "languages",
        "wants_work", "wants_training", "facility", "admitted_at", "status", "released_at",
    ];

    /// <summary>Columns an import may leave out: a file of people in custody needs neither.</summary>
    private static readonly string[] _optional = ["status", "released_at"];

    private static readonly Dictionary<string, string> _fieldColumns = new(StringComparer.Ordinal)
    {
        ["referenceNumber"] = "reference_number",
        ["surname"] = "surname",
        ["givenName"] = "given_name",
        ["patronymic"] = "patronymic",
        ["birthDate"] = "birth_date",
        ["sex"] = "sex",
        ["legalStatus"] = "legal_status",
        ["sentence.kind"] = "sentence_kind",
        ["sentence.start"] = "sentence_start",
        ["sentence.end"] = "sentence_end",
        ["sentence.expectedRelease"] = "expected_release",
        ["education"] = "education_isced",
        ["occupations"] = "occupations",
        ["languages"] = "languages",
    };

    /// <summary>Reads and checks the whole file, then stores it in one transaction. Returns the number of people added.</summary>
    public static async Task<int> ImportAsync(UnitOfWork unitOfWork, Actor actor, TextReader reader, string source, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var catalogue = await Catalogue.LoadAsync(db, cancellationToken);
        var now = unitOfWork.Now;

        var people = new List<AdmittedPerson>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in CsvRows.Read(reader, source, Header.Except(_optional).ToArray()))
        {
            var person = ReadRow(row, facilities, catalogue, actor, now);
            if (!lines.TryAdd(person.Person.ReferenceNumber, row.Line))
            {
                throw row.Error("reference_number", $"'{person.Person.ReferenceNumber}' is already on line {lines[person.Person.ReferenceNumber]}");
            }

            people.Add(person);
        }

        foreach (var chunk in lines.Keys.Chunk(500))
        {
            var existing = await db.People.AsNoTracking().Where(p => chunk.Contains(p.ReferenceNumber)).Select(p => p.ReferenceNumber).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                throw new ImportError(source, lines[existing], "reference_number", $"'{existing}' is already in the registry; import adds new people only");
            }
        }

        return await unitOfWork.RunAsync(actor, db => PeopleWriter.WriteAsync(db, people, progress, cancellationToken), cancellationToken);
    }

    public static async Task<int> ExportAsync(WorkbridgeDb db, Actor actor, TextWriter writer, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var facilityCodes = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        var admissions = db.Movements.Where(m => m.Kind == MovementKind.Admission);
        var departures = db.Movements.Where(m => m.Kind == MovementKind.Release || m.Kind == MovementKind.TemporaryRelease);
        await writer.WriteLineAsync(string.Join(',', Header));
        var count = 0;
        var query = db.People.AsNoTracking().VisibleTo(actor).OrderBy(p => p.ReferenceNumber)
            .Select(p => new
            {
                Person = p,
                AdmittedAt = admissions.Where(m => m.PersonId == p.Id).Max(m => (DateTime?)m.OccurredAt),
                LeftAt = p.Status == CustodyStatus.InCustody ? null : departures.Where(m => m.PersonId == p.Id).Max(m => (DateTime?)m.OccurredAt),
            });
        await foreach (var item in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var p = item.Person;
            string[] fields =
            [
                p.ReferenceNumber, p.Identity.Surname, p.Identity.GivenName, p.Identity.Patronymic ?? "", Date(p.Identity.BirthDate),
                EnumText.Kebab(p.Identity.Sex), EnumText.Kebab(p.LegalStatus), EnumText.Kebab(p.Sentence.Kind), Date(p.Sentence.Start),
                Date(p.Sentence.End), Date(p.Sentence.ExpectedRelease), ((int)p.Education).ToString(CultureInfo.InvariantCulture),
                string.Join("; ", p.Offences.Select(o => o.Reference.ToString())),
                string.Join("; ", p.Occupations.Select(o => $"{o.IscoCode}:{EnumText.Kebab(o.Proficiency)}:{EnumText.Kebab(o.Evidence)}")),
                string.Join(';', p.Languages), p.WantsWork ? "yes" : "no", p.WantsTraining ? "yes" : "no", facilityCodes[p.FacilityId],
                Instant(item.AdmittedAt), EnumText.Kebab(p.Status), Instant(item.LeftAt),
            ];
            await writer.WriteLineAsync(string.Join(',', fields.Select(CsvRows.Field)));
            count++;
            if (count % 5000 == 0)
            {
                progress?.Report(count);
            }
        }

        progress?.Report(count);
        return count;
    }

    private static AdmittedPerson ReadRow(CsvRow row, Dictionary<string, Facility> facilities, Catalogue catalogue, Actor actor, DateTime now)
    {
        var facilityCode = row.Required("facility");
        if (!facilities.TryGetValue(facilityCode, out var facility))
        {
            throw row.Error("facility", $"there is no facility with code '{facilityCode}'");
        }

        var custody = row.Has("status") && row.Optional("status") is not null ? ParseEnum<CustodyStatus>(row, "status") : CustodyStatus.InCustody;

        var legalStatus = ParseEnum<LegalStatus>(row, "legal_status");
        var sentenceKind = row.Optional("sentence_kind") is null && legalStatus == LegalStatus.PreTrial ? SentenceKind.None : ParseEnum<SentenceKind>(row, "sentence_kind");
        var sentence = new Sentence(sentenceKind, OptionalDate(row, "sentence_start"), OptionalDate(row, "sentence_end"), OptionalDate(row, "expected_release"));
        var identity = new PersonIdentity(row.Required("surname"), row.Required("given_name"), row.Optional("patronymic"), RequiredDate(row, "birth_date"), ParseSex(row));
        var education = row.Parse("education_isced", t => ReferenceData.ParseInt(t) is >= 0 and <= 8 ? (IscedLevel?)(IscedLevel)ReferenceData.ParseInt(t)!.Value : null, "an ISCED level from 0 to 8");

        var offences = Resolve(row, "offences", () => Split(row.Optional("offences")).Select(catalogue.Offence).ToList());
        var occupations = Resolve(row, "occupations", () => ParseOccupations(row, catalogue));
        var details = new PersonDetails(
            row.Required("reference_number"),
            identity,
            legalStatus,
            sentence,
            education,
            offences,
            occupations,
            Split(row.Optional("languages")),
            ParseYesNo(row, "wants_work"),
            ParseYesNo(row, "wants_training"));

        var admittedAt = ParseInstant(row, "admitted_at") ?? sentence.Start?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? now;
        var leftAt = custody == CustodyStatus.InCustody ? (DateTime?)null
            : row.Has("released_at") ? ParseInstant(row, "released_at") ?? throw row.Error("released_at", $"a {EnumText.Kebab(custody)} person needs the time they left")
            : throw row.Error("released_at", $"a {EnumText.Kebab(custody)} person needs this column");
        var reason = "Imported from " + row.Source;
        var field = "admitted_at";
        try
        {
            var (person, admission) = Person.Admit(details, facility, admittedAt, reason, actor.Id, now);
            field = "released_at";
            Movement? departure = custody switch
            {
                CustodyStatus.Released => person.Release(leftAt!.Value, reason, actor.Id, now),
                CustodyStatus.TemporarilyReleased => person.ReleaseTemporarily(null, leftAt!.Value, reason, actor.Id, now),
                _ => null,
            };
            return new AdmittedPerson(person, departure is null ? [admission] : [admission, departure]);
        }
        catch (RuleViolation violation)
        {
            throw row.Error(violation.Field is { } name && _fieldColumns.TryGetValue(name, out var column) ? column : violation.Code.StartsWith("movement.", StringComparison.Ordinal) ? field : violation.Field ?? "row", violation.Message);
        }
    }

    private static T Resolve<T>(CsvRow row, string field, Func<T> resolve)
    {
        try
        {
            return resolve();
        }
        catch (RuleViolation violation)
        {
            throw row.Error(field, violation.Message);
        }
    }

    private static List<PersonOccupation> ParseOccupations(CsvRow row, Catalogue catalogue)
    {
        var result = new List<PersonOccupation>();
        foreach (var text in Split(row.Optional("occupations")))
        {
            var parts = text.Split(':', StringSplitOptions.TrimEntries);
            var proficiency = Proficiency.Competent;
            var evidence = SkillEvidence.SelfReported;
            if ((parts.Length > 1 && !EnumText.TryParse(parts[1], out proficiency)) || (parts.Length > 2 && !EnumText.TryParse(parts[2], out evidence)) || parts.Length > 3)
            {
                throw row.Error("occupations", $"'{text}' is not ISCO[:proficiency[:evidence]]; proficiency is one of {EnumText.Choices<Proficiency>()}; evidence one of {EnumText.Choices<SkillEvidence>()}");
            }

            result.Add(catalogue.Occupation(parts[0], proficiency, evidence));
        }

        return result;
    }

    private static T ParseEnum<T>(CsvRow row, string field)
        where T : struct, Enum
    {
        var text = row.Required(field);
        return EnumText.TryParse<T>(text, out var value) ? value : throw row.Error(field, $"'{text}' is not one of {EnumText.Choices<T>()}");
    }

    private static Sex ParseSex(CsvRow row)
    {
        var text = row.Required("sex");
        return text.ToLowerInvariant() switch
        {
            "м" or "m" => Sex.Male,
            "ж" or "f" => Sex.Female,
            _ => ParseEnum<Sex>(row, "sex"),
        };
    }

    private static bool ParseYesNo(CsvRow row, string field) => row.Optional(field)?.ToLowerInvariant() switch
    {
        null or "no" or "false" or "0" or "нет" => false,
        "yes" or "true" or "1" or "да" => true,
        var other => throw row.Error(field, $"'{other}' is not yes or no"),
    };

    private static DateOnly RequiredDate(CsvRow row, string field) => row.Parse(field, ReferenceData.ParseDate, "a date (YYYY-MM-DD)");

    private static DateOnly? OptionalDate(CsvRow row, string field) => row.ParseOptional(field, ReferenceData.ParseDate, "a date (YYYY-MM-DD)");

    private static List<string> Split(string? cell) =>
        cell is null ? [] : [.. cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static DateTime? ParseInstant(CsvRow row, string field) => row.Optional(field) is not { } text ? null
        : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : throw row.Error(field, $"'{text}' is not a date or a UTC time (2024-03-01 or 2024-03-01T09:30:00Z)");

    private static string Instant(DateTime? instant) => instant?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
