using OneStop.Host.Features.Notices;

namespace OneStop.Host.Tests.Notices;

/// <summary>Templates are data an admin can edit: they must fail loudly and harmlessly, never print half a notice.</summary>
public sealed class NoticeSandboxTests
{
    private static readonly NoticeTemplateInfo Receipt = Notices.Library.Find("TT03-2025/01")!;
    private static readonly NoticeModel Sample = Notices.Library.ReadSample(Receipt);

    [Fact]
    public async Task A_syntax_error_is_reported_with_template_code_line_and_column()
    {
        const string source = "<p>Mã hồ sơ</p>\n<p>{{ dossier.code }}</p>\n<p>{{ for d in documents }}{{ d.name }}</p>\n";

        var error = await Assert.ThrowsAsync<NoticeTemplateException>(() => Notices.Renderer().RenderAsync(Receipt, Sample, source));

        Assert.Equal(NoticeTemplateException.ParseErrorId, error.ErrorId);
        var problem = Assert.Single(error.Problems);
        Assert.Equal("TT03-2025/01", problem.TemplateCode);
        Assert.Equal("receipt.sbn-html", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.True(problem.Column > 0);
        Assert.Contains("TT03-2025/01 (receipt.sbn-html:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runtime_error_points_at_the_failing_expression()
    {
        const string source = "<p>ok</p>\n<p>   {{ 1.5 | vnd_words }}</p>";

        var error = await Assert.ThrowsAsync<NoticeTemplateException>(() => Notices.Renderer().RenderAsync(Receipt, Sample, source));

        Assert.Equal(NoticeTemplateException.RenderErrorId, error.ErrorId);
        var problem = Assert.Single(error.Problems);
        Assert.Equal((2, "TT03-2025/01"), (problem.Line, problem.TemplateCode));
        Assert.InRange(problem.Column, 7, 25);
    }

    [Fact]
    public async Task Include_cannot_read_files()
    {
        var source = "{{ include '" + Path.Combine(Notices.Folder, "manifest.json") + "' }}";

        var error = await Assert.ThrowsAsync<NoticeTemplateException>(() => Notices.Renderer().RenderAsync(Receipt, Sample, source));

        Assert.Equal(1, error.Problems[0].Line);
        Assert.DoesNotContain("\"templates\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_members_are_out_of_reach()
    {
        // Model values are plain script values; the only CLR object a template can hold is a helper's SVG, whose members are filtered out.
        const string source = "[{{ dossier.code.Length }}][{{ (barcode_svg 'A').Html }}][{{ header.GetType }}][{{ dossier.sets.GetType }}][{{ object.typeof header }}]";

        var html = await Notices.Renderer().RenderAsync(Receipt, Sample, source);

        Assert.Contains("[][][][][object]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_loop_hits_the_loop_limit()
    {
        const string source = "{{ while true }}x{{ end }}";

        var error = await Assert.ThrowsAsync<NoticeTemplateException>(() => Notices.Renderer().RenderAsync(Receipt, Sample, source));

        Assert.Contains("loop", error.Problems[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, error.Problems[0].Line);
    }

    [Fact]
    public async Task Endless_recursion_hits_the_recursion_limit()
    {
        const string source = "{{ func f(n); ret f(n + 1); end }}\n{{ f 1 }}";

        var error = await Assert.ThrowsAsync<NoticeTemplateException>(() => Notices.Renderer().RenderAsync(Receipt, Sample, source));

        Assert.Contains("recurs", error.Problems[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_slow_template_is_stopped_by_the_time_limit()
    {
        var limits = new NoticeRenderLimits { Timeout = TimeSpan.FromMilliseconds(200), LoopLimit = 0 };
        const string source = "{{ n = 0; while true; n = n + 1; end }}";

        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<NoticeTemplateException>(() => Notices.Renderer(limits).RenderAsync(Receipt, Sample, source));

        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Contains("stopped after", error.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_are_escaped_so_a_name_cannot_inject_markup()
    {
        var model = Sample with { Owner = Sample.Owner! with { Name = "<script>alert('x')</script> & Co" } };

        var html = await Notices.Renderer().RenderAsync(Receipt, model, source: null);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_values_print_as_the_blanks_of_the_paper_form()
    {
        var model = Sample with { Dossier = Sample.Dossier! with { DueAt = null, Request = null } };

        var html = await Notices.Renderer().RenderAsync(Receipt, model, source: null);

        Assert.Contains("5. Thời gian trả kết quả giải quyết hồ sơ: … giờ … phút, ngày … tháng … năm …", html, StringComparison.Ordinal);
        Assert.Contains("Nội dung yêu cầu giải quyết: ……………………", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Helpers_are_callable_from_templates()
    {
        const string source = "{{ 2100924973 | vnd }}|{{ 2100924973 | vnd_words }}|{{ 105 | number_words }}|{{ '2023-10-27T02:32:00Z' | vn_time_date }}|{{ '2024-02-05' | vn_date }}|{{ 'on_time' | timeliness }}";

        var html = await Notices.Renderer().RenderAsync(Receipt, Sample, source);

        Assert.Contains("2.100.924.973|Hai tỷ một trăm triệu chín trăm hai mươi tư nghìn chín trăm bảy mươi ba đồng|một trăm linh năm|09 giờ 32 phút, ngày 27 tháng 10 năm 2023|ngày 05 tháng 02 năm 2024|Đúng hạn", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_QR_code_is_an_inline_SVG_of_the_dossier_code()
    {
        var svg = NoticeFunctions.QrSvg("000.00.06.H56-231027-0361");

        Assert.StartsWith("<svg class=\"qr\"", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"QR 000.00.06.H56-231027-0361\"", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg.TrimEnd(), StringComparison.Ordinal);
    }
}
