using Workbridge.Core.Common;

namespace Workbridge.Core.Work;

/// <summary>
/// A business or public body that offers work. Its orders take applications only once the service has checked it
/// (<see cref="Verified"/>): a person's consent means little if nobody knows who asks for it.
/// </summary>
public sealed class Employer
{
    private Employer()
    {
        LegalName = "";
        TaxId = "";
        RegionCode = "";
    }

    public Employer(string legalName, string taxId, string regionCode, EmployerSector sector)
    {
        Id = Ids.New();
        LegalName = "";
        TaxId = "";
        RegionCode = regionCode;
        Update(legalName, taxId, sector);
    }

    public Guid Id { get; private set; }

    public string LegalName { get; private set; }

    /// <summary>The taxpayer number; for a Russian region an ИНН (10 digits for an organisation, 12 for a sole trader) with valid check digits.</summary>
    public string TaxId { get; private set; }

    /// <summary>ISO 3166-2 code of the region where the employer is registered.</summary>
    public string RegionCode { get; private set; }

    public EmployerSector Sector { get; private set; }

    public bool Verified { get; private set; }

    public DateTime? VerifiedAt { get; private set; }

    public void Update(string legalName, string taxId, EmployerSector sector)
    {
        var name = legalName?.Trim() ?? "";
        LegalName = name.Length is >= 2 and <= 300 ? name : throw new RuleViolation("employer.name", "A legal name is 2 to 300 characters.", "legalName");
        var id = taxId?.Trim() ?? "";
        TaxId = RegionCode.StartsWith("RU-", StringComparison.Ordinal)
            ? IsValidInn(id) ? id : throw new RuleViolation("employer.tax-id", $"'{id}' is not a valid ИНН: 10 digits for an organisation or 12 for a sole trader, with correct check digits.", "taxId")
            : id.Length is >= 3 and <= 20 && id.All(char.IsAsciiLetterOrDigit) ? id : throw new RuleViolation("employer.tax-id", "A tax id is 3 to 20 letters or digits.", "taxId");
        Sector = Enum.IsDefined(sector) ? sector : throw new RuleViolation("employer.sector", $"sector must be one of {EnumText.Choices<EmployerSector>()}.", "sector");
    }

    /// <summary>Recorded by central staff after checking the registration; changing the legal name or tax id later does not undo it, so staff re-check by hand.</summary>
    public void Verify(DateTime now)
    {
        Verified = true;
        VerifiedAt = now;
    }

    /// <summary>
    /// The ИНН check digits (Federal Tax Service order ММВ-7-6/435@ of 29.06.2012, annex): each check digit is a weighted
    /// sum of the digits before it, modulo 11, then modulo 10.
    /// </summary>
    public static bool IsValidInn(string inn)
    {
        if (inn.Length is not (10 or 12) || !inn.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (inn.Length == 10)
        {
            return CheckDigit(inn, [2, 4, 10, 3, 5, 9, 4, 6, 8]) == inn[9] - '0';
        }

        return CheckDigit(inn, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == inn[10] - '0'
            && CheckDigit(inn, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == inn[11] - '0';
    }

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * (digits[i] - '0');
        }

        return sum % 11 % 10;
    }
}
