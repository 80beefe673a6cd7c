using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;

namespace Workbridge.Data;

/// <summary>The EF mapping of work and training (issue 4): employers, orders, contracts, courses, placements, consents, timesheets and pay.</summary>
internal static class WorkModel
{
    public static void Map(ModelBuilder model)
    {
        model.Entity<Employer>(employer =>
        {
            employer.HasKey(e => e.Id);
            employer.Property(e => e.LegalName).HasMaxLength(300);
            employer.Property(e => e.TaxId).HasMaxLength(20);
            employer.HasIndex(e => e.TaxId).IsUnique();
            employer.Property(e => e.RegionCode).HasMaxLength(6);
            employer.Property(e => e.Sector).HasConversion<string>().HasMaxLength(16);
            employer.HasOne<Region>().WithMany().HasForeignKey(e => e.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<JobOrder>(order =>
        {
            order.HasKey(o => o.Id);
            order.Ignore(o => o.Kind);
            order.Property(o => o.Mode).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.IscoCode).HasMaxLength(4);
            order.Property(o => o.AccessNeeds).HasConversion<int>();
            order.Property(o => o.Supervision).HasMaxLength(2000);
            order.Property(o => o.Version).IsConcurrencyToken();
            order.Property<List<string>>("_servedRegions")
                .HasColumnName("ServedRegions")
                .HasMaxLength(2000)
                .AsCommaSeparated();
            order.Ignore(o => o.ServedRegions);
            MapTerms(order.ComplexProperty(o => o.Terms));
            order.HasOne<Employer>().WithMany().HasForeignKey(o => o.EmployerId).OnDelete(DeleteBehavior.Restrict);
            order.HasOne<Facility>().WithMany().HasForeignKey(o => o.FacilityId).OnDelete(DeleteBehavior.Restrict);
            order.HasOne<ProductionContract>().WithMany().HasForeignKey(o => o.ProductionContractId).OnDelete(DeleteBehavior.Restrict);
            order.HasIndex(o => new { o.Status, o.IscoCode });
        });

        model.Entity<ProductionContract>(contract =>
        {
            contract.HasKey(c => c.Id);
            contract.Property(c => c.Number).HasMaxLength(64);
            contract.Property(c => c.Customer).HasMaxLength(300);
            contract.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            contract.Property(c => c.Version).IsConcurrencyToken();
            contract.Ignore(c => c.ProgressPercent);
            contract.HasOne<Facility>().WithMany().HasForeignKey(c => c.ProducerFacilityId).OnDelete(DeleteBehavior.Restrict);
            contract.HasOne<Facility>().WithMany().HasForeignKey(c => c.CustomerFacilityId).OnDelete(DeleteBehavior.Restrict);
            contract.OwnsMany(c => c.Items, item =>
            {
                item.ToTable("ProductionContractItems");
                item.WithOwner().HasForeignKey("ContractId");
                item.HasKey("ContractId", nameof(ContractItem.Line));
                item.Property(i => i.Line).ValueGeneratedNever();
                item.Property(i => i.Description).HasMaxLength(300);
                item.Property(i => i.Unit).HasMaxLength(16);
            });
            contract.Navigation(c => c.Items).HasField("_items");
        });

        model.Entity<TrainingCourse>(course =>
        {
            course.HasKey(c => c.Id);
            course.Property(c => c.IscoCode).HasMaxLength(4);
            course.Property(c => c.Title).HasMaxLength(200);
            course.Property(c => c.Syllabus).HasMaxLength(4000);
        });

        model.Entity<Cohort>(cohort =>
        {
            cohort.HasKey(c => c.Id);
            cohort.Ignore(c => c.Kind);
            cohort.Ignore(c => c.EmployerId);
            cohort.Ignore(c => c.IsPrivateEmployer);
            cohort.Property(c => c.IscoCode).HasMaxLength(4);
            cohort.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            cohort.Property(c => c.Version).IsConcurrencyToken();
            MapTerms(cohort.ComplexProperty(c => c.Terms));
            cohort.HasOne<TrainingCourse>().WithMany().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Restrict);
            cohort.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Certificate>(certificate =>
        {
            certificate.HasKey(c => c.Id);
            certificate.Property(c => c.IscoCode).HasMaxLength(4);
            certificate.Property(c => c.Number).HasMaxLength(64);
            certificate.HasIndex(c => c.PlacementId).IsUnique();
            certificate.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            certificate.HasOne<Cohort>().WithMany().HasForeignKey(c => c.CohortId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<Placement>(placement =>
        {
            placement.HasKey(p => p.Id);
            placement.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
            placement.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            placement.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(24);
            placement.Property(p => p.EndNote).HasMaxLength(500);
            placement.Property(p => p.ProposedBy).HasMaxLength(100);
            placement.Property(p => p.ConsentTermsHash).HasMaxLength(64);
            placement.Property(p => p.Version).IsConcurrencyToken();
            placement.Ignore(p => p.IsOpen);
            placement.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
            placement.HasOne<Facility>().WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Restrict);
            placement.HasIndex(p => new { p.PersonId, p.Status });
            placement.HasIndex(p => new { p.OpeningId, p.Status });
            placement.HasIndex(p => new { p.EmployerId, p.Status });
            placement.HasIndex(p => new { p.FacilityId, p.Status });
            placement.OwnsMany(p => p.Periods, period =>
            {
                period.ToTable("PlacementPeriods");
                period.WithOwner().HasForeignKey("PlacementId");
                period.HasKey("PlacementId", nameof(WorkPeriod.Number));
                period.Property(x => x.Number).ValueGeneratedNever();
            });
            placement.Navigation(p => p.Periods).HasField("_periods");
        });

        model.Entity<Consent>(consent =>
        {
            consent.HasKey(c => c.Id);
            consent.Property(c => c.TermsHash).HasMaxLength(64);
            consent.Property(c => c.Snapshot).HasMaxLength(8000);
            consent.Property(c => c.Channel).HasConversion<string>().HasMaxLength(24);
            consent.Property(c => c.RecordedBy).HasMaxLength(100);
            consent.Property(c => c.WrittenReference).HasMaxLength(64);
            consent.HasOne<Placement>().WithMany().HasForeignKey(c => c.PlacementId).OnDelete(DeleteBehavior.Restrict);
            consent.HasIndex(c => c.PersonId);
        });

        model.Entity<TimesheetEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.Property(e => e.EnteredBy).HasMaxLength(100);
            entry.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.DisputeNote).HasMaxLength(500);
            entry.Property(e => e.Version).IsConcurrencyToken();
            entry.HasOne<Placement>().WithMany().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Restrict);
            entry.HasIndex(e => new { e.PlacementId, e.Date }).IsUnique();
            entry.HasIndex(e => new { e.PersonId, e.Date });
        });

        model.Entity<DeductionOrder>(order =>
        {
            order.HasKey(o => o.Id);
            order.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.Reference).HasMaxLength(200);
            order.Property(o => o.Version).IsConcurrencyToken();
            order.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<PayProtection>(protection =>
        {
            protection.HasKey(p => p.PersonId);
            protection.Property(p => p.Reason).HasConversion<string>().HasMaxLength(32);
            protection.Property(p => p.RecordedBy).HasMaxLength(100);
            protection.HasOne<Person>().WithOne().HasForeignKey<PayProtection>(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        model.Entity<PayStatement>(statement =>
        {
            statement.HasKey(s => s.Id);
            statement.Property(s => s.IssuedBy).HasMaxLength(100);
            statement.HasIndex(s => new { s.PersonId, s.Year, s.Month, s.FacilityId }).IsUnique();
            statement.HasIndex(s => new { s.FacilityId, s.Year, s.Month });
            statement.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
            statement.OwnsMany(s => s.Lines, line =>
            {
                line.ToTable("PayStatementLines");
                line.WithOwner().HasForeignKey("PayStatementId");
                line.HasKey("PayStatementId", nameof(PayLine.Order));
                line.Property(l => l.Order).ValueGeneratedNever();
                line.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
                line.Property(l => l.Description).HasMaxLength(300);
            });
            statement.Navigation(s => s.Lines).HasField("_lines");
        });

        model.Entity<SecurityRule>(rule =>
        {
            rule.HasKey(r => r.Code);
            rule.Property(r => r.Code).HasMaxLength(100);
            rule.Property(r => r.Category).HasConversion<string>().HasMaxLength(32);
            rule.Property(r => r.Need).HasConversion<string>().HasMaxLength(32);
            rule.Property(r => r.Reason).HasMaxLength(300);
        });

        model.Entity<WorkModeRule>(rule =>
        {
            rule.HasKey(r => new { r.FacilityKind, r.Mode });
            rule.Property(r => r.FacilityKind).HasConversion<string>().HasMaxLength(40);
            rule.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
        });
    }

    private static void MapTerms(ComplexPropertyBuilder<Terms> terms)
    {
        terms.Property(t => t.Title).HasColumnName("Title").HasMaxLength(200);
        terms.Property(t => t.Duties).HasColumnName("Duties").HasMaxLength(4000);
        terms.Property(t => t.HourlyWageMinor).HasColumnName("HourlyWageMinor");
        terms.Property(t => t.HoursPerWeek).HasColumnName("HoursPerWeek");
        terms.Property(t => t.Start).HasColumnName("StartDate");
        terms.Property(t => t.End).HasColumnName("EndDate");
    }
}
