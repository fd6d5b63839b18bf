using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Host.Features.Agencies;

namespace OneStop.Host.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.Property(d => d.Code).HasMaxLength(40);
        builder.HasIndex(d => new { d.AgencyId, d.Code }).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(300);
    }
}
