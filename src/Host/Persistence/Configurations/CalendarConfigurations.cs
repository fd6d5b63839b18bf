using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Host.Features.Calendar;

namespace OneStop.Host.Persistence.Configurations;

internal sealed class CalendarSpecialDayConfiguration : IEntityTypeConfiguration<CalendarSpecialDayRow>
{
    public void Configure(EntityTypeBuilder<CalendarSpecialDayRow> builder)
    {
        builder.ToTable("CalendarSpecialDays");
        builder.HasIndex(d => d.Date).IsUnique();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Source).HasMaxLength(300);
        builder.Property(d => d.Rule).HasMaxLength(50);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class CalendarHolidayRuleConfiguration : IEntityTypeConfiguration<CalendarHolidayRuleRow>
{
    public void Configure(EntityTypeBuilder<CalendarHolidayRuleRow> builder)
    {
        builder.ToTable("CalendarHolidayRules");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(50);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.DateSystem).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Source).HasMaxLength(300);
    }
}
