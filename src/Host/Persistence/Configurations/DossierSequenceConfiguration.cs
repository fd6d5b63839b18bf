using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Host.Features.Dossiers;

namespace OneStop.Host.Persistence.Configurations;

internal sealed class DossierSequenceConfiguration : IEntityTypeConfiguration<DossierSequence>
{
    public void Configure(EntityTypeBuilder<DossierSequence> builder)
    {
        builder.ToTable("DossierSequences");
        // The key is what makes two nodes collide on the day's first insert, and what the conditional UPDATE locks.
        builder.HasKey(s => new { s.AgencyCode, s.Date });
        builder.Property(s => s.AgencyCode).HasMaxLength(40);
    }
}
