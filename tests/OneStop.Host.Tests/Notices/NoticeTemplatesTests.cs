using OneStop.Host.Features.Notices;
using static OneStop.Host.Features.Notices.VietnameseText;

namespace OneStop.Host.Tests.Notices;

public sealed class NoticeTemplatesTests
{
    public static TheoryData<string> Codes => [.. Notices.Library.Manifest.Templates.Select(t => t.Code)];

    [Fact]
    public void The_manifest_lists_every_form_of_both_circulars_and_the_centre_s_own_notices()
    {
        var codes = Notices.Library.Manifest.Templates.Select(t => t.Code).ToList();

        Assert.Equal(
            ["TT01-2018/01", "TT01-2018/02", "TT01-2018/03", "TT01-2018/04", "TT01-2018/05", "TT01-2018/06",
             "TT03-2025/01", "TT03-2025/02", "TT03-2025/03", "TT03-2025/04", "TT03-2025/05", "TT03-2025/06", "TT03-2025/07",
             "fee-receipt", "handover", "decision"],
            codes);
        Assert.All(Notices.Library.Manifest.Templates.Where(t => t.Code.StartsWith("TT01-2018/", StringComparison.Ordinal)),
            t => Assert.Equal(new DateOnly(2025, 6, 30), t.EffectiveTo));
        Assert.All(Notices.Library.Manifest.Templates.Where(t => t.Code.StartsWith("TT03-2025/", StringComparison.Ordinal)),
            t => Assert.Equal(new DateOnly(2025, 7, 1), t.EffectiveFrom));
    }

    [Theory]
    [InlineData("receipt", "2025-06-30", "TT01-2018/01")]
    [InlineData("receipt", "2025-07-01", "TT03-2025/01")]
    [InlineData("apology", "2024-03-01", "TT01-2018/04")]
    [InlineData("apology", "2026-11-26", "TT03-2025/04")]
    [InlineData("control-sheet", "2026-01-05", "TT03-2025/06")]
    [InlineData("ledger", "2019-01-02", "TT01-2018/06")]
    [InlineData("ledger", "2025-07-01", "TT03-2025/07")]
    [InlineData("fee-receipt", "2019-01-02", "fee-receipt")]
    public void The_form_in_force_on_a_date_is_picked(string form, string date, string expected) =>
        Assert.Equal(expected, Notices.Library.ValidOn(form, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.Code);

    [Fact]
    public void The_stop_notice_did_not_exist_before_the_2025_circular() =>
        Assert.Null(Notices.Library.ValidOn("stop-notice", new DateOnly(2025, 6, 30)));

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Every_template_renders_its_sample_with_every_field_of_its_form(string code)
    {
        var template = Notices.Library.Find(code)!;
        var model = Notices.Library.ReadSample(template);

        var html = await Notices.Renderer().RenderAsync(code, model);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        var missing = Expected(template, model).Where(e => !html.Contains(e, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{code} lacks: {string.Join(" | ", missing)}");
        // Nothing left unrendered, no value printed as a .NET type name.
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.DoesNotContain("OneStop.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_sample_is_dated_within_its_template_s_validity(string code)
    {
        var template = Notices.Library.Find(code)!;
        var issued = Notices.Library.ReadSample(template).Header.IssuedAt;

        Assert.True(template.IsValidOn(DateOnly.FromDateTime(issued.ToOffset(VietnamOffset).DateTime)), $"{code} sample issued {issued}");
    }

    [Fact]
    public async Task The_receipt_prints_one_page_per_copy_with_the_domain_example_times()
    {
        var html = await Notices.Renderer().RenderAsync("TT01-2018/01", Notices.Library.ReadSample(Notices.Library.Find("TT01-2018/01")!));

        Assert.Contains("4. Thời gian nhận hồ sơ: 09 giờ 32 phút, ngày 27 tháng 10 năm 2023", html, StringComparison.Ordinal);
        Assert.Contains("5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 32 phút, ngày 03 tháng 11 năm 2023", html, StringComparison.Ordinal);
        Assert.Contains("3. Thời gian giải quyết hồ sơ theo quy định là: 5 ngày làm việc", html, StringComparison.Ordinal);
        Assert.Equal(2, Count(html, "<section class=\"page\">"));
        Assert.Equal(2, Count(html, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        Assert.Contains(".page + .page { break-before: page; }", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fee_receipt_writes_the_total_in_figures_and_words_and_splits_phi_from_le_phi()
    {
        var html = await Notices.Renderer().RenderAsync("fee-receipt", Notices.Library.ReadSample(Notices.Library.Find("fee-receipt")!));

        Assert.Contains("<strong>2.100.000</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Hai triệu một trăm nghìn đồng", html, StringComparison.Ordinal);
        Assert.Contains("Trong đó: Phí: 2.090.000 đồng; Lệ phí: 10.000 đồng.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_control_sheet_has_one_row_per_hand_off_with_its_result()
    {
        var model = Notices.Library.ReadSample(Notices.Library.Find("TT03-2025/06")!);

        var html = await Notices.Renderer().RenderAsync("TT03-2025/06", model);

        Assert.Equal(model.Steps.Count, Count(html, ". Giao: "));
        Assert.Contains("Trước hạn", html, StringComparison.Ordinal);
        Assert.Contains("Đúng hạn", html, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_prints_landscape()
    {
        var html = await Notices.Renderer().RenderAsync("TT03-2025/07", Notices.Library.ReadSample(Notices.Library.Find("TT03-2025/07")!));

        Assert.Contains("size: A4 landscape", html, StringComparison.Ordinal);
        Assert.Contains("Tổng số: 3 hồ sơ.", html, StringComparison.Ordinal);
    }

    /// <summary>What the domain notes require on each form: the sample's values and the fixed legal phrases.</summary>
    private static IEnumerable<string> Expected(NoticeTemplateInfo template, NoticeModel m)
    {
        var header = m.Header;
        yield return "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        yield return "Độc lập - Tự do - Hạnh phúc";
        yield return Notices.Html(header.GoverningBody);
        yield return Notices.Html(header.IssuingUnit);
        yield return $"{Notices.Html(header.Place)}, {Date(header.IssuedAt)}";
        yield return Notices.Html(template.LegalBasis);
        if (template.Numbered)
        {
            yield return $"Số: {Notices.Html(header.Number!)}";
        }

        if (m.Dossier is { } dossier)
        {
            yield return $"Mã hồ sơ: <strong>{dossier.Code}</strong>";
            yield return "<svg class=\"qr\"";
            yield return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"barcode\"";
        }

        var d = m.Dossier!;
        var o = m.Owner!;
        switch (template.Form)
        {
            case "receipt":
                yield return "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
                yield return $"Quyển số: {d.BookNumber}, Số thứ tự: {d.EntryNumber}";
                foreach (var copy in header.Copies)
                {
                    yield return $"(Liên: {Notices.Html(copy)})";
                }

                yield return $"{Notices.Html(d.ReceivingUnit!)} tiếp nhận hồ sơ của:";
                yield return $"Chủ hồ sơ: <strong>{Notices.Html(o.Name)}</strong>";
                yield return $"Người nộp hồ sơ: {Notices.Html(m.Submitter!.Name)}; Số định danh cá nhân/CCCD: {m.Submitter.IdNumber}";
                foreach (var text in Contacts(o))
                {
                    yield return text;
                }

                yield return $"Số định danh cá nhân/CCCD: {o.IdNumber}";
                yield return $"Nội dung yêu cầu giải quyết: {Notices.Html(d.Request!)}";
                yield return "Bản chính";
                yield return "Bản sao có chứng thực";
                yield return "Bản photo";
                foreach (var document in m.Documents)
                {
                    yield return Notices.Html(document.Name);
                }

                yield return $"<td class=\"num\">2</td><td>{Notices.Html(m.Documents[1].Name)} ({Notices.Html(m.Documents[1].Note!)})</td><td class=\"num\"></td><td class=\"num\">1</td><td class=\"num\">1</td>";
                yield return $"2. Số lượng hồ sơ: {d.Sets} (bộ)";
                yield return $"3. Thời gian giải quyết hồ sơ theo quy định là: {d.LegalDuration}";
                yield return $"4. Thời gian nhận hồ sơ: {TimeAndDate(d.ReceivedAt!.Value)}";
                yield return $"5. Thời gian trả kết quả giải quyết hồ sơ: {TimeAndDate(d.DueAt!.Value)}";
                yield return $"6. Đăng ký nhận kết quả tại: {Notices.Html(d.ResultDelivery!)}";
                yield return $"7. Phí, lệ phí: {Notices.Html(d.FeeMode!)}";
                yield return d.TrackingUrl!;
                yield return "Người nộp hồ sơ</div><div class=\"sign-note\">(Ký và ghi rõ họ tên)";
                yield return "Người tiếp nhận hồ sơ</div><div class=\"sign-note\">(Ký và ghi rõ họ tên)";
                yield return Notices.Html(d.ReceivingOfficer!);
                break;
            case "supplement-request":
                var s = m.Supplement!;
                yield return "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
                yield return $"Hồ sơ của: <strong>{Notices.Html(o.Name)}</strong>";
                yield return $"Nội dung yêu cầu giải quyết: {Notices.Html(d.Request!)}";
                foreach (var text in Contacts(o))
                {
                    yield return text;
                }

                foreach (var item in s.Items)
                {
                    yield return $"<td>{Notices.Html(item.Name)}</td><td>{Notices.Html(item.Requirement!)}</td>";
                }

                yield return $"Lý do: {Notices.Html(s.Reason)}";
                yield return $"Thời hạn bổ sung, hoàn thiện hồ sơ: trước {TimeAndDate(s.Deadline!.Value)}";
                yield return $"liên hệ với {Notices.Html(s.Officer!)}, số điện thoại {s.OfficerPhone} để được hướng dẫn";
                yield return s.LookupUrl!;
                yield return "Người hướng dẫn</div><div class=\"sign-note\">(Ký và ghi rõ họ tên)";
                break;
            case "refusal":
                yield return "Phiếu từ chối tiếp nhận giải quyết hồ sơ";
                yield return $"tiếp nhận hồ sơ của: <strong>{Notices.Html(o.Name)}</strong>";
                foreach (var text in Contacts(o))
                {
                    yield return text;
                }

                yield return $"Nội dung yêu cầu giải quyết: {Notices.Html(d.Request!)}";
                yield return $"từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: {Notices.Html(m.Refusal!.Reason)}";
                yield return "Xin thông báo để ông/bà được biết và thực hiện./.";
                yield return "Người nộp hồ sơ</div>";
                yield return "Người tiếp nhận hồ sơ</div>";
                yield return Notices.Html(m.Refusal.Officer!);
                break;
            case "apology":
                var a = m.Apology!;
                yield return Notices.Html(template.Title);
                yield return $"Kính gửi: {Notices.Html(a.Addressee)}";
                yield return Capitalized(Date(d.ReceivedAt!.Value));
                yield return $"thủ tục hành chính: {Notices.Html(d.ProcedureName)}; Mã hồ sơ: {d.Code}";
                yield return $"hẹn trả kết quả: {TimeAndDate(d.DueAt!.Value)}";
                yield return $"lý do: {Notices.Html(a.Reason)}";
                yield return "xin lỗi ông/bà";
                yield return TimeAndDate(a.NewDueAt);
                yield return "(Ký, ghi rõ họ tên và đóng dấu)";
                yield return Notices.Html(a.SignerName!);
                if (template.Code.StartsWith("TT03-2025/", StringComparison.Ordinal))
                {
                    yield return $"đề nghị được gia hạn thời gian giải quyết hồ sơ thêm {a.Extension}";
                }
                else
                {
                    yield return "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của ông/bà.";
                }

                break;
            case "stop-notice":
                var stop = m.Stop!;
                yield return "Thông báo";
                yield return "Về việc dừng giải quyết hồ sơ thủ tục hành chính";
                yield return $"Kính gửi: {Notices.Html(stop.Addressee)}";
                yield return $"Căn cứ {Notices.Html(stop.LegalBasis!)};";
                yield return Notices.Html(o.Name);
                yield return $"Mã hồ sơ: {d.Code}";
                yield return $"thời gian nhận hồ sơ: {TimeAndDate(d.ReceivedAt!.Value)}";
                yield return $"thời hạn trả kết quả: {TimeAndDate(d.DueAt!.Value)}";
                yield return $"thông báo dừng giải quyết hồ sơ nêu trên kể từ {TimeAndDate(stop.StoppedAt!.Value)}, lý do: {Notices.Html(stop.Reason)}";
                yield return Notices.Html(stop.Guidance!);
                yield return Notices.Html(stop.SignerName!);
                break;
            case "control-sheet":
                yield return "Phiếu kiểm soát quá trình giải quyết hồ sơ";
                yield return $"Kèm theo hồ sơ của: <strong>{Notices.Html(o.Name)}</strong>";
                yield return $"Mã hồ sơ: {d.Code}";
                yield return $"Thời gian nhận hồ sơ: {TimeAndDate(d.ReceivedAt!.Value)}";
                yield return $"Thời gian hẹn trả kết quả: {TimeAndDate(d.DueAt!.Value)}";
                yield return $"Cơ quan (bộ phận) giải quyết hồ sơ: {Notices.Html(d.LeadAgency!)}";
                yield return $"Cơ quan phối hợp giải quyết hồ sơ: {Notices.Html(string.Join("; ", d.CooperatingAgencies))}";
                yield return "(Trước hạn/Đúng hạn/Quá hạn)";
                for (var i = 0; i < m.Steps.Count; i++)
                {
                    var step = m.Steps[i];
                    yield return $"{i + 1}. Giao: {Notices.Html(step.FromUnit)}<br>Nhận: {Notices.Html(step.ToUnit)}";
                    yield return TimeAndDate(step.HandedAt);
                    yield return Notices.Html(step.FromPerson!);
                    yield return Notices.Html(step.ToPerson!);
                    if (step.Note is not null)
                    {
                        yield return Notices.Html(step.Note);
                    }
                }

                yield return "Người giao";
                yield return "Người nhận";
                break;
            case "ledger":
                var ledger = m.Ledger!;
                yield return "Sổ theo dõi hồ sơ";
                yield return $"Quyển số: {ledger.BookNumber} – Từ {Date(ledger.From)} đến {Date(ledger.To)}";
                foreach (var heading in new[] { "Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả cho cá nhân, tổ chức", "Hình thức trả kết quả", "Ký nhận" })
                {
                    yield return $">{heading}</th>";
                }

                foreach (var row in ledger.Rows)
                {
                    yield return $"<td class=\"num\">{row.Number}</td><td>{row.DossierCode}</td><td>{Notices.Html(row.ProcedureName)}</td><td class=\"num\">{row.Sets}</td>";
                    yield return $"<td>{Notices.Html(row.Applicant)}</td><td>{Notices.Html(row.Address!)}<br>{row.Phone}</td><td>{Notices.Html(row.LeadAgency!)}</td>";
                    yield return $"<td class=\"num\">{ShortDate(row.ReceivedAt)}</td><td class=\"num\">{ShortDate(row.DueAt!.Value)}</td>";
                    yield return $"<td>{Notices.Html(row.Delivery!)}</td>";
                    if (row.ReturnedAt is { } returned)
                    {
                        yield return $"<td class=\"num\">{ShortDate(returned)}</td>";
                    }
                }

                break;
            case "fee-receipt":
                var fee = m.Fee!;
                yield return "Biên lai thu phí, lệ phí";
                yield return $"Mẫu số: {fee.FormNumber} – Ký hiệu: {fee.Series} – Số: {fee.Number}";
                yield return $"Mã số thuế: {fee.TaxCode}";
                yield return $"Tên người nộp: <strong>{Notices.Html(fee.PayerName)}</strong>";
                yield return $"Địa chỉ: {Notices.Html(fee.PayerAddress!)}";
                yield return $"Mã hồ sơ: {d.Code}";
                foreach (var item in fee.Items)
                {
                    yield return $"<td>{Notices.Html(item.Name)}</td><td class=\"num\">{(item.Kind == FeeKind.Charge ? "Lệ phí" : "Phí")}</td><td class=\"money\">{Amount(item.Amount)}</td>";
                }

                yield return $"<strong>{Amount(fee.Total)}</strong>";
                yield return $"Số tiền bằng chữ: <em>{AmountInWords(fee.Total)}</em>.";
                yield return $"Hình thức thanh toán: {Notices.Html(fee.PaymentMethod)}";
                yield return "Người nộp tiền";
                yield return "Người thu tiền";
                yield return Notices.Html(fee.Collector!);
                break;
            case "handover":
                var h = m.Handover!;
                yield return "Phiếu bàn giao kết quả giải quyết hồ sơ";
                yield return $"Hôm nay, vào lúc {TimeAndDate(h.HandedOverAt)}";
                yield return $"Bên giao (người trả kết quả): {Notices.Html(h.Officer!)}";
                yield return $"Bên nhận (người nhận kết quả): <strong>{Notices.Html(h.ReceivedBy)}</strong>; Số định danh cá nhân/CCCD: {h.ReceivedByIdNumber}";
                yield return $"Hồ sơ của: {Notices.Html(o.Name)}; Mã hồ sơ: {d.Code}; Thủ tục hành chính: {Notices.Html(d.ProcedureName)}";
                foreach (var result in h.Results)
                {
                    yield return $"<td>{Notices.Html(result.Name)}</td><td>{Notices.Html(result.Number!)}</td><td class=\"num\">{result.Copies}</td>";
                }

                yield return $"Ghi chú: {Notices.Html(h.Note!)}";
                yield return "Người nhận kết quả";
                yield return "Người trả kết quả";
                break;
            case "decision":
                var decision = m.Decision!;
                yield return $"<h1 class=\"title\">{decision.Kind}</h1>";
                yield return Notices.Html(decision.Subject);
                yield return Notices.Html(decision.Authority);
                foreach (var basis in decision.Bases)
                {
                    yield return $"<em>{Notices.Html(basis)}</em>";
                }

                for (var i = 0; i < decision.Articles.Count; i++)
                {
                    yield return $"<strong>Điều {i + 1}.</strong> {Notices.Html(decision.Articles[i])}";
                }

                foreach (var recipient in decision.Recipients)
                {
                    yield return $"<br>- {Notices.Html(recipient)}";
                }

                yield return "Nơi nhận:";
                yield return Notices.Html(decision.SignerTitle!);
                yield return Notices.Html(decision.SignerName!);
                break;
            default:
                throw new InvalidOperationException($"No expectations for form {template.Form}.");
        }
    }

    private static IEnumerable<string> Contacts(NoticeParty party) =>
    [
        $"Địa chỉ: {Notices.Html(party.Address!)}",
        $"Số điện thoại: {party.Phone}; Email: {party.Email}",
    ];

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
