using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Host.Features.ProcessDesign;

namespace OneStop.Host.Persistence.Configurations;

internal sealed class ProcessDraftConfiguration : IEntityTypeConfiguration<ProcessDraft>
{
    public void Configure(EntityTypeBuilder<ProcessDraft> builder)
    {
        builder.ToTable("ProcessDrafts");
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(200);
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
    }
}
