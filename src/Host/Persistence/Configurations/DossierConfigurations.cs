using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Features.Notices;

namespace OneStop.Host.Persistence.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> builder)
    {
        builder.ToTable("Dossiers");
        builder.Property(d => d.Code).HasMaxLength(60);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.ProcedureCode).HasMaxLength(60);
        builder.Property(d => d.ProcedureName).HasMaxLength(1000);
        builder.Property(d => d.LeadAgencyCode).HasMaxLength(50);
        builder.Property(d => d.CooperatingAgencyCodes).HasMaxLength(500);
        builder.Property(d => d.Request).HasMaxLength(2000);
        builder.Property(d => d.ReceivedBy).HasMaxLength(256);
        builder.Property(d => d.WorkflowInstanceId).HasMaxLength(64);
        builder.Property(d => d.FeeAmount).HasPrecision(18, 0);
        builder.Property(d => d.Channel).HasConversion<int>();
        builder.Property(d => d.Status).HasConversion<int>();
        builder.Property(d => d.PreviousStatus).HasConversion<int?>();
        builder.Property(d => d.ResultDelivery).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.SupplementState).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.DeliveryState).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Timeliness).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.Payment).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.NotifyBy).HasConversion<int>();
        builder.Property(d => d.PaymentReference).HasMaxLength(100);
        builder.HasIndex(d => d.OwnerUserId);
        builder.Ignore(d => d.AppointmentAt);
        builder.Ignore(d => d.IsOpen);
        builder.Ignore(d => d.IsClosed);
        builder.HasIndex(d => new { d.LeadAgencyCode, d.Status });
        builder.HasIndex(d => new { d.Status, d.DueAt });
        builder.HasIndex(d => d.ReceivedAt);
        builder.HasIndex(d => d.ProcedureId);

        builder.OwnsOne(d => d.Applicant, p => Party(p, "Applicant"));
        builder.Navigation(d => d.Applicant).IsRequired();
        builder.OwnsOne(d => d.Submitter, p => Party(p, "Submitter"));
        builder.OwnsMany(d => d.Documents, d =>
        {
            d.ToTable("DossierDocuments");
            d.WithOwner().HasForeignKey("DossierId");
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.Name).HasMaxLength(1000);
        });
    }

    private static void Party(OwnedNavigationBuilder<Dossier, Party> party, string prefix)
    {
        party.Property(p => p.Kind).HasColumnName(prefix + "Kind").HasConversion<string>().HasMaxLength(20);
        party.Property(p => p.Name).HasColumnName(prefix + "Name").HasMaxLength(300);
        party.Property(p => p.IdNumber).HasColumnName(prefix + "IdNumber").HasMaxLength(30);
        party.Property(p => p.Phone).HasColumnName(prefix + "Phone").HasMaxLength(30);
        party.Property(p => p.Email).HasColumnName(prefix + "Email").HasMaxLength(256);
        party.Property(p => p.Address).HasColumnName(prefix + "Address").HasMaxLength(500);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> builder)
    {
        builder.ToTable("DossierEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(50);
        builder.Property(e => e.Unit).HasMaxLength(100);
        builder.Property(e => e.Step).HasMaxLength(500);
        builder.Property(e => e.Outcome).HasMaxLength(100);
        builder.Property(e => e.Comment).HasMaxLength(4000);
        builder.Property(e => e.FromStatus).HasConversion<int?>();
        builder.Property(e => e.ToStatus).HasConversion<int?>();
        builder.HasOne<Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.DossierId, e.Id });
    }
}

internal sealed class SupplementRequestConfiguration : IEntityTypeConfiguration<SupplementRequest>
{
    public void Configure(EntityTypeBuilder<SupplementRequest> builder)
    {
        builder.ToTable("DossierSupplements");
        builder.Property(s => s.RequestedBy).HasMaxLength(256);
        builder.Property(s => s.ReceivedBy).HasMaxLength(256);
        builder.Property(s => s.Unit).HasMaxLength(100);
        builder.Property(s => s.Reason).HasMaxLength(4000);
        builder.Property(s => s.Documents).HasMaxLength(4000);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.DossierId);
    }
}

internal sealed class ApologyConfiguration : IEntityTypeConfiguration<Apology>
{
    public void Configure(EntityTypeBuilder<Apology> builder)
    {
        builder.ToTable("DossierApologies");
        builder.Property(a => a.DraftedBy).HasMaxLength(256);
        builder.Property(a => a.DecidedBy).HasMaxLength(256);
        builder.Property(a => a.Unit).HasMaxLength(100);
        builder.Property(a => a.Reason).HasMaxLength(4000);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.DossierId);
    }
}

internal sealed class IssuedNoticeConfiguration : IEntityTypeConfiguration<IssuedNotice>
{
    public void Configure(EntityTypeBuilder<IssuedNotice> builder)
    {
        builder.ToTable("DossierNotices");
        builder.Property(n => n.TemplateCode).HasMaxLength(100);
        builder.Property(n => n.Title).HasMaxLength(500);
        builder.Property(n => n.IssuedBy).HasMaxLength(256);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(n => n.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.DossierId);
    }
}

internal sealed class DossierFileConfiguration : IEntityTypeConfiguration<DossierFile>
{
    public void Configure(EntityTypeBuilder<DossierFile> builder)
    {
        builder.ToTable("DossierFiles");
        builder.Property(f => f.FileName).HasMaxLength(260);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.AddedBy).HasMaxLength(256);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Dossier>().WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.DossierId);
    }
}

internal sealed class TaskClaimConfiguration : IEntityTypeConfiguration<TaskClaim>
{
    public void Configure(EntityTypeBuilder<TaskClaim> builder)
    {
        builder.ToTable("TaskClaims");
        builder.HasKey(c => c.TaskId);
        builder.Property(c => c.TaskId).HasMaxLength(64);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.HasIndex(c => c.UserName);
    }
}

internal sealed class NoticeTemplateOverrideConfiguration : IEntityTypeConfiguration<NoticeTemplateOverride>
{
    public void Configure(EntityTypeBuilder<NoticeTemplateOverride> builder)
    {
        builder.ToTable("NoticeTemplateOverrides");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(100);
        builder.Property(o => o.CreatedBy).HasMaxLength(256);
        builder.Property(o => o.Note).HasMaxLength(1000);
        builder.HasIndex(o => new { o.Code, o.Id });
    }
}
