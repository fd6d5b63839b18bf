using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Host.Features.Agencies;
using OneStop.Host.Features.Catalogue;

namespace OneStop.Host.Persistence.Configurations;

internal sealed class CatalogueFieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> builder)
    {
        builder.ToTable("CatalogueFields");
        builder.Property(f => f.Code).HasMaxLength(50);
        builder.HasIndex(f => f.Code).IsUnique();
        builder.Property(f => f.Name).HasMaxLength(300);
    }
}

internal sealed class CatalogueProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("CatalogueProcedures");
        builder.Property(p => p.NationalCode).HasMaxLength(30);
        builder.HasIndex(p => p.NationalCode);
        builder.Property(p => p.LocalCode).HasMaxLength(60);
        builder.HasIndex(p => p.LocalCode).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(1000);
        builder.Property(p => p.SearchText).HasMaxLength(1200);
        builder.Property(p => p.LegalBasis).HasMaxLength(4000);
        builder.Property(p => p.ResultType).HasMaxLength(500);
        builder.Property(p => p.WorkflowKey).HasMaxLength(200);
        builder.Property(p => p.ProcessingDepartmentCode).HasMaxLength(20);
        builder.Property(p => p.ResultTemplateCode).HasMaxLength(100);
        builder.Property(p => p.FeeMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.OnlineLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.SupplementRule).HasConversion<string>().HasMaxLength(20);

        builder.HasOne(p => p.Field).WithMany().HasForeignKey(p => p.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.LeadAgency).WithMany().HasForeignKey(p => p.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.LeadAgencyId);
        builder.HasMany(p => p.CooperatingAgencies).WithMany().UsingEntity<Dictionary<string, object>>(
            "CatalogueProcedureCooperatingAgencies",
            j => j.HasOne<Agency>().WithMany().HasForeignKey("AgencyId").OnDelete(DeleteBehavior.Restrict),
            j => j.HasOne<Procedure>().WithMany().HasForeignKey("ProcedureId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("ProcedureId", "AgencyId"));

        // A value object: stored in the procedure's row.
        builder.OwnsOne(p => p.Duration, d =>
        {
            d.Property(x => x.Value).HasColumnName("DurationValue").HasPrecision(9, 2);
            d.Property(x => x.Unit).HasColumnName("DurationUnit").HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.SecondStage).HasColumnName("DurationSecondStage").HasPrecision(9, 2);
            d.Property(x => x.RemoteArea).HasColumnName("DurationRemoteArea").HasPrecision(9, 2);
        });
        builder.Navigation(p => p.Duration).IsRequired();

        // Documents and fee lines have no life outside their procedure: owned collections, replaced as a whole on update.
        // Their keys are set in code, never by the store, so a new line found on a tracked procedure is an insert.
        builder.OwnsMany(p => p.Documents, d =>
        {
            d.ToTable("CatalogueRequiredDocuments");
            d.WithOwner().HasForeignKey("ProcedureId");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.Name).HasMaxLength(1000);
        });
        builder.OwnsMany(p => p.Fees, f =>
        {
            f.ToTable("CatalogueFeeLines");
            f.WithOwner().HasForeignKey("ProcedureId");
            f.HasKey(x => x.Id);
            f.Property(x => x.Id).ValueGeneratedNever();
            f.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.Basis).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.Description).HasMaxLength(500);
            f.Property(x => x.Amount).HasPrecision(18, 0);
            f.Property(x => x.NextAmount).HasPrecision(18, 0);
            f.Property(x => x.MaxAmount).HasPrecision(18, 0);
            f.Property(x => x.Exemptions).HasMaxLength(1000);
        });
    }
}
