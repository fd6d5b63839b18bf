using OneStop.Host.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace OneStop.Host.Tests.Logging;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("nguyen.van.a@example.com.vn")]
    [InlineData("0912345678")]
    [InlineData("+84912345678")]
    [InlineData("091 234 5678")]
    [InlineData("079201001234")]
    [InlineData("212345678")]
    public void Personal_data_in_a_property_never_reaches_the_sink(string value)
    {
        var output = Render(log => log.Information("Citizen contact {Contact} for dossier {Code}", value, "000.00.06.H56-231027-0361"));

        Assert.DoesNotContain(value, output, StringComparison.Ordinal);
        Assert.Contains(PersonalDataRedactor.Mask, output, StringComparison.Ordinal);
        // Dossier codes and agency codes are not personal data and stay readable.
        Assert.Contains("000.00.06.H56-231027-0361", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_values_are_masked_too()
    {
        var output = Render(log => log.Information("Applicant {@Applicant}", new { Name = "A", Phone = "0987654321", Emails = new[] { "a@b.vn" } }));

        Assert.DoesNotContain("0987654321", output, StringComparison.Ordinal);
        Assert.DoesNotContain("a@b.vn", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_numbers_stay_readable()
    {
        var output = Render(log => log.Information("Imported {Rows} rows in {Elapsed} ms, total {Amount} VND", 1384, 1234567, 2100924973));

        Assert.Contains("1384", output, StringComparison.Ordinal);
        Assert.Contains("1234567", output, StringComparison.Ordinal);
        Assert.Contains("2100924973", output, StringComparison.Ordinal);
    }

    private static string Render(Action<ILogger> write)
    {
        using var text = new StringWriter();
        using (var logger = new LoggerConfiguration()
            .MinimumLevel.Is(LogEventLevel.Information)
            .Enrich.With<PersonalDataRedactor>()
            .WriteTo.Sink(new FormattingSink(text))
            .CreateLogger())
        {
            write(logger);
        }

        return text.ToString();
    }

    private sealed class FormattingSink(TextWriter output) : Serilog.Core.ILogEventSink
    {
        private readonly RenderedCompactJsonFormatter formatter = new();

        public void Emit(LogEvent logEvent) => formatter.Format(logEvent, output);
    }
}
