using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workbridge.Core.Access;
using Workbridge.Core.Events;
using Workbridge.Core.Ledger;
using Workbridge.Core.Reference;
using Workbridge.Core.Pay;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;
using Workbridge.Data.Ledger;

namespace Workbridge.Data;

/// <summary>
/// The EF Core model of Workbridge over Core's types, for SQLite and PostgreSQL alike. The schema is created by the
/// hand-written migrations in Migrations/, which must match this model (Data.Tests check it on both databases).
/// Saving is possible only inside a <see cref="UnitOfWork"/>: every save appends its ledger entries and outbox rows.
/// </summary>
public sealed class WorkbridgeDb(DbContextOptions<WorkbridgeDb> options) : DbContext(options)
{
    /// <summary>Set by <see cref="UnitOfWork"/> for the length of one change.</summary>
    internal LedgerWriter? Ledger { get; set; }

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<StoredCheckpoint> LedgerCheckpoints => Set<StoredCheckpoint>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var ledger = Ledger ?? throw new InvalidOperationException("Writes go through UnitOfWork, which records them in the ledger.");
        await ledger.AppendAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Workbridge saves asynchronously, through UnitOfWork.");

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<IscoGroup> IscoGroups => Set<IscoGroup>();

    public DbSet<Offence> Offences => Set<Offence>();

    public DbSet<Facility> Facilities => Set<Facility>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Movement> Movements => Set<Movement>();

    public DbSet<Employer> Employers => Set<Employer>();

    public DbSet<JobOrder> JobOrders => Set<JobOrder>();

    public DbSet<ProductionContract> ProductionContracts => Set<ProductionContract>();

    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<Placement> Placements => Set<Placement>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<TimesheetEntry> TimesheetEntries => Set<TimesheetEntry>();

    public DbSet<DeductionOrder> DeductionOrders => Set<DeductionOrder>();

    public DbSet<PayProtection> PayProtections => Set<PayProtection>();

    public DbSet<PayStatement> PayStatements => Set<PayStatement>();

    public DbSet<SecurityRule> SecurityRules => Set<SecurityRule>();

    public DbSet<WorkModeRule> WorkModeRules => Set<WorkModeRule>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back as Unspecified and Npgsql refuses anything but UTC for timestamptz: every instant here is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        var postgres = Database.IsNpgsql();

        model.Entity<Region>(region =>
        {
            region.HasKey(r => r.Code);
            region.Property(r => r.Code).HasMaxLength(6);
            region.Property(r => r.CountryCode).HasMaxLength(2);
            region.Property(r => r.NameEn).HasMaxLength(120);
            region.Property(r => r.NameRu).HasMaxLength(120);
            region.Property(r => r.Currency).HasMaxLength(3);
            region.ComplexProperty(r => r.WorkingTime, rules =>
            {
                rules.Property(w => w.WeeklyHours).HasColumnName("WeeklyHours");
                rules.Property(w => w.DailyHours).HasColumnName("DailyHours");
                rules.Property(w => w.WeeklyHoursAged16To18).HasColumnName("WeeklyHoursAged16To18");
                rules.Property(w => w.WeeklyHoursUnder16).HasColumnName("WeeklyHoursUnder16");
                rules.Property(w => w.DailyHoursAged16To18).HasColumnName("DailyHoursAged16To18");
                rules.Property(w => w.DailyHoursAged15To16).HasColumnName("DailyHoursAged15To16");
                rules.Property(w => w.Source).HasColumnName("WorkingTimeSource").HasMaxLength(200);
            });
            region.OwnsMany(r => r.MinimumWages, wage =>
            {
                wage.ToTable("RegionMinimumWages");
                wage.WithOwner().HasForeignKey("RegionCode");
                wage.HasKey("RegionCode", nameof(MinimumWage.EffectiveFrom));
                wage.Property(w => w.Source).HasMaxLength(300);
            });
            region.Navigation(r => r.MinimumWages).HasField("_minimumWages");
        });

        model.Entity<IscoGroup>(group =>
        {
            group.HasKey(g => g.Code);
            group.Property(g => g.Code).HasMaxLength(4);
            group.Property(g => g.TitleEn).HasMaxLength(300);
            group.Property(g => g.TitleRu).HasMaxLength(300);
        });

        model.Entity<Offence>(offence =>
        {
            offence.HasKey(o => new { o.Code, o.Article });
            offence.Property(o => o.Code).HasMaxLength(16);
            offence.Property(o => o.Article).HasMaxLength(16);
            offence.Property(o => o.TitleEn).HasMaxLength(500);
            offence.Property(o => o.TitleRu).HasMaxLength(500);
        });

        model.Entity<Facility>(facility =>
        {
            facility.HasKey(f => f.Id);
            facility.HasIndex(f => f.Code).IsUnique();
            facility.Property(f => f.Code).HasMaxLength(32);
            facility.Property(f => f.Name).HasMaxLength(200);
            facility.Property(f => f.Kind).HasConversion<string>().HasMaxLength(40);
            facility.Property(f => f.RegionCode).HasMaxLength(6);
            facility.HasOne<Region>().WithMany().HasForeignKey(f => f.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Person>(person =>
        {
            person.HasKey(p => p.Id);
            person.Property(p => p.ReferenceNumber).HasMaxLength(32);
            person.HasIndex(p => p.ReferenceNumber).IsUnique();
            person.Property(p => p.SearchName).HasMaxLength(320);
            person.HasIndex(p => p.SearchName);
            if (postgres)
            {
                // Byte order, as SQLite's BINARY: prefix search runs as an index range scan on both databases.
                person.Property(p => p.SearchName).UseCollation("C");
                person.Property(p => p.ReferenceNumber).UseCollation("C");
            }

            person.ComplexProperty(p => p.Identity, identity =>
            {
                identity.Property(i => i.Surname).HasColumnName("Surname").HasMaxLength(100);
                identity.Property(i => i.GivenName).HasColumnName("GivenName").HasMaxLength(100);
                identity.Property(i => i.Patronymic).HasColumnName("Patronymic").HasMaxLength(100);
                identity.Property(i => i.BirthDate).HasColumnName("BirthDate");
                identity.Property(i => i.Sex).HasColumnName("Sex").HasConversion<string>().HasMaxLength(8);
            });
            person.ComplexProperty(p => p.Sentence, sentence =>
            {
                sentence.Property(s => s.Kind).HasColumnName("SentenceKind").HasConversion<string>().HasMaxLength(40);
                sentence.Property(s => s.Start).HasColumnName("SentenceStart");
                sentence.Property(s => s.End).HasColumnName("SentenceEnd");
                sentence.Property(s => s.ExpectedRelease).HasColumnName("ExpectedRelease");
            });
            person.Property(p => p.LegalStatus).HasConversion<string>().HasMaxLength(16);
            person.Property(p => p.Education).HasConversion<string>().HasMaxLength(32);
            person.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
            person.Property(p => p.Version).IsConcurrencyToken();
            person.Property<List<string>>("_languages")
                .HasColumnName("Languages")
                .HasMaxLength(200)
                .AsCommaSeparated();
            person.Ignore(p => p.Languages);
            person.Ignore(p => p.HasProfession);
            person.HasOne<Facility>().WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Restrict);
            person.HasIndex(p => new { p.FacilityId, p.Status });
            // Serves "pre-trial people in custody, by name" in index order, so a page stops after its rows.
            person.HasIndex(p => new { p.LegalStatus, p.Status, p.SearchName });

            person.OwnsMany(p => p.Offences, offence =>
            {
                offence.ToTable("PersonOffences");
                offence.WithOwner().HasForeignKey("PersonId");
                offence.Property<int>("Id");
                offence.HasKey("Id");
                offence.Property(o => o.Code).HasMaxLength(16);
                offence.Property(o => o.Article).HasMaxLength(16);
                offence.Property(o => o.Part).HasMaxLength(8);
                offence.Property(o => o.Point).HasMaxLength(8);
                offence.Ignore(o => o.Reference);
                offence.HasIndex(o => new { o.Code, o.Article });
            });
            person.Navigation(p => p.Offences).HasField("_offences");

            person.OwnsMany(p => p.Occupations, occupation =>
            {
                occupation.ToTable("PersonOccupations");
                occupation.WithOwner().HasForeignKey("PersonId");
                occupation.HasKey("PersonId", nameof(PersonOccupation.IscoCode));
                occupation.Property(o => o.IscoCode).HasMaxLength(4);
                occupation.Property(o => o.Proficiency).HasConversion<string>().HasMaxLength(16);
                occupation.Property(o => o.Evidence).HasConversion<string>().HasMaxLength(16);
                // Covering: an occupation filter reads the holders' ids from the index alone.
                occupation.HasIndex(nameof(PersonOccupation.IscoCode), "PersonId");
            });
            person.Navigation(p => p.Occupations).HasField("_occupations");
        });

        MapLedger(model);
        MapAccounts(model);
        WorkModel.Map(model);

        model.Entity<Movement>(movement =>
        {
            movement.HasKey(m => m.Id);
            movement.HasIndex(m => new { m.PersonId, m.Sequence }).IsUnique();
            movement.HasIndex(m => m.OccurredAt);
            movement.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
            movement.Property(m => m.Reason).HasMaxLength(500);
            movement.Property(m => m.ActorId).HasMaxLength(100);
            movement.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
            movement.HasOne<Facility>().WithMany().HasForeignKey(m => m.FromFacilityId).OnDelete(DeleteBehavior.Restrict);
            movement.HasOne<Facility>().WithMany().HasForeignKey(m => m.ToFacilityId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void MapAccounts(ModelBuilder model)
    {
        model.Entity<Account>(account =>
        {
            account.HasKey(a => a.Id);
            account.Property(a => a.UserName).HasMaxLength(64);
            account.HasIndex(a => a.UserName).IsUnique();
            account.Property(a => a.DisplayName).HasMaxLength(200);
            account.Property(a => a.Role).HasConversion<string>().HasMaxLength(24);
            account.Property(a => a.RegionCode).HasMaxLength(6);
            account.Property(a => a.PasswordHash).HasMaxLength(200);
            account.Property(a => a.SecurityStamp).HasMaxLength(32);
            account.HasOne<Facility>().WithMany().HasForeignKey(a => a.FacilityId).OnDelete(DeleteBehavior.Restrict);
            account.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<ApiToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.SecretHash).HasMaxLength(64);
            token.Property(t => t.AccountStamp).HasMaxLength(32);
            token.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void MapLedger(ModelBuilder model)
    {
        model.Entity<LedgerEntry>(entry =>
        {
            entry.ToTable("LedgerEntries");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.ActorId).HasMaxLength(100);
            entry.Property(e => e.Action).HasMaxLength(16);
            entry.Property(e => e.EntityType).HasMaxLength(64);
            entry.Property(e => e.EntityId).HasMaxLength(100);
            entry.Property(e => e.PayloadHash).HasMaxLength(64);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
        });

        model.Entity<StoredCheckpoint>(checkpoint =>
        {
            checkpoint.ToTable("LedgerCheckpoints");
            checkpoint.HasKey(c => c.Size);
            checkpoint.Property(c => c.Size).ValueGeneratedNever();
            checkpoint.Property(c => c.HeadHash).HasMaxLength(64);
            checkpoint.Property(c => c.PublicKey).HasMaxLength(200);
            checkpoint.Property(c => c.Signature).HasMaxLength(200);
        });

        model.Entity<OutboxMessage>(message =>
        {
            message.ToTable("Outbox");
            message.HasKey(m => m.Id);
            message.Property(m => m.EventType).HasMaxLength(64);
            message.HasIndex(m => m.DispatchedAt);
            message.HasIndex(m => new { m.PersonId, m.PersonSequence });
        });
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
