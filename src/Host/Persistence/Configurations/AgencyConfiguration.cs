using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Host.Features.Agencies;

namespace OneStop.Host.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.ShortName).HasMaxLength(100);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasMany(a => a.Departments).WithOne(d => d.Agency).HasForeignKey(d => d.AgencyId);
    }
}
