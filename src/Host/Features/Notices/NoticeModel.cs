namespace OneStop.Host.Features.Notices;

// What a notice shows, flat and printable. The dossier domain maps its entities to these records; templates see them
// as snake_case ScriptObject values (never as CLR objects), and the sample files in templates/notices/samples are
// this shape in JSON. Times are instants (rendered in Asia/Ho_Chi_Minh); texts are already in Vietnamese.

/// <summary>Everything one notice may show; each form reads the parts it needs.</summary>
public sealed record NoticeModel
{
    public required NoticeHeader Header { get; init; }

    public NoticeDossier? Dossier { get; init; }

    /// <summary>Chủ hồ sơ: the person or organisation the dossier is for.</summary>
    public NoticeParty? Owner { get; init; }

    /// <summary>Người nộp: who handed it in (the owner or an authorised representative).</summary>
    public NoticeParty? Submitter { get; init; }

    /// <summary>Thành phần hồ sơ: the documents received.</summary>
    public IReadOnlyList<NoticeDocument> Documents { get; init; } = [];

    public NoticeSupplement? Supplement { get; init; }

    public NoticeRefusal? Refusal { get; init; }

    public NoticeApology? Apology { get; init; }

    public NoticeStop? Stop { get; init; }

    /// <summary>The hand-offs of the control sheet, in order: the journal of the workflow.</summary>
    public IReadOnlyList<NoticeStep> Steps { get; init; } = [];

    public NoticeLedger? Ledger { get; init; }

    public NoticeFee? Fee { get; init; }

    public NoticeHandover? Handover { get; init; }

    public NoticeDecision? Decision { get; init; }
}

/// <summary>The common header: who issues the notice, where and when, and its number.</summary>
public sealed record NoticeHeader
{
    /// <summary>Tên cơ quan chủ quản, e.g. "UBND TỈNH LÂM ĐỒNG".</summary>
    public required string GoverningBody { get; init; }

    /// <summary>Tên cơ quan, đơn vị ban hành, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG".</summary>
    public required string IssuingUnit { get; init; }

    /// <summary>Địa danh of the date line, e.g. "Đà Lạt".</summary>
    public required string Place { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Số, with its symbol (e.g. "125/TN"); null for notices that are not numbered.</summary>
    public string? Number { get; init; }

    /// <summary>Liên: one printed page each (e.g. "Lưu tại Bộ phận Một cửa", "Giao cho người nộp hồ sơ").</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];
}

public sealed record NoticeDossier
{
    /// <summary>Mã hồ sơ, carried by the QR code and the barcode.</summary>
    public required string Code { get; init; }

    public string? ProcedureCode { get; init; }

    public required string ProcedureName { get; init; }

    public string? Field { get; init; }

    /// <summary>Nội dung yêu cầu giải quyết.</summary>
    public string? Request { get; init; }

    /// <summary>Bộ phận tiếp nhận (the receiving unit, e.g. the one-stop section of the centre).</summary>
    public string? ReceivingUnit { get; init; }

    public string? ReceivingOfficer { get; init; }

    /// <summary>Sổ theo dõi hồ sơ: quyển số and số thứ tự.</summary>
    public string? BookNumber { get; init; }

    public string? EntryNumber { get; init; }

    /// <summary>Số lượng hồ sơ (bộ).</summary>
    public int Sets { get; init; } = 1;

    /// <summary>Thời gian giải quyết theo quy định, as the catalogue words it (e.g. "5 ngày làm việc").</summary>
    public string? LegalDuration { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? ReturnedAt { get; init; }

    /// <summary>Nơi / hình thức nhận kết quả (counter, post, online), worded for the citizen.</summary>
    public string? ResultDelivery { get; init; }

    /// <summary>Hình thức nộp phí, lệ phí (before, after, exempt), worded for the citizen.</summary>
    public string? FeeMode { get; init; }

    /// <summary>Where the citizen looks the dossier up (tra cứu).</summary>
    public string? TrackingUrl { get; init; }

    public string? LeadAgency { get; init; }

    public IReadOnlyList<string> CooperatingAgencies { get; init; } = [];
}

/// <summary>A citizen, business, state body or organisation, as written on the notice.</summary>
public sealed record NoticeParty
{
    public required string Name { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>Số CCCD / định danh cá nhân, or the enterprise code of a business.</summary>
    public string? IdNumber { get; init; }
}

public sealed record NoticeDocument
{
    public required string Name { get; init; }

    /// <summary>Bản chính.</summary>
    public int Originals { get; init; }

    /// <summary>Bản sao có chứng thực.</summary>
    public int CertifiedCopies { get; init; }

    /// <summary>Bản photo (bản sao không chứng thực).</summary>
    public int Photocopies { get; init; }

    public string? Note { get; init; }
}

/// <summary>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</summary>
public sealed record NoticeSupplement
{
    public IReadOnlyList<NoticeSupplementItem> Items { get; init; } = [];

    public required string Reason { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public string? LookupUrl { get; init; }

    public string? Officer { get; init; }

    public string? OfficerPhone { get; init; }
}

public sealed record NoticeSupplementItem
{
    public required string Name { get; init; }

    /// <summary>What must be added or corrected in that document.</summary>
    public string? Requirement { get; init; }
}

/// <summary>Phiếu từ chối tiếp nhận giải quyết hồ sơ.</summary>
public sealed record NoticeRefusal
{
    public required string Reason { get; init; }

    public string? Officer { get; init; }
}

/// <summary>Phiếu xin lỗi và hẹn lại ngày trả kết quả (2018) / văn bản xin lỗi và đề nghị gia hạn (2025).</summary>
public sealed record NoticeApology
{
    /// <summary>Kính gửi.</summary>
    public required string Addressee { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset NewDueAt { get; init; }

    /// <summary>Thời gian gia hạn đề nghị (2025 set), e.g. "03 ngày làm việc".</summary>
    public string? Extension { get; init; }

    /// <summary>Chức vụ of the signer, e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC".</summary>
    public string? SignerTitle { get; init; }

    public string? SignerName { get; init; }
}

/// <summary>Thông báo dừng giải quyết hồ sơ (2025 set).</summary>
public sealed record NoticeStop
{
    public required string Addressee { get; init; }

    public required string Reason { get; init; }

    /// <summary>Căn cứ of the stop (the clause that allows it).</summary>
    public string? LegalBasis { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>What the citizen may do next (e.g. collect the dossier, submit again).</summary>
    public string? Guidance { get; init; }

    public string? SignerTitle { get; init; }

    public string? SignerName { get; init; }
}

public enum StepTimeliness
{
    Early,
    OnTime,
    Late,
}

/// <summary>One hand-off on the control sheet: who gave the dossier to whom, when, and how the step ended.</summary>
public sealed record NoticeStep
{
    public required string FromUnit { get; init; }

    public string? FromPerson { get; init; }

    public required string ToUnit { get; init; }

    public string? ToPerson { get; init; }

    public required DateTimeOffset HandedAt { get; init; }

    /// <summary>Kết quả giải quyết of the step; null while it is still open.</summary>
    public StepTimeliness? Result { get; init; }

    public string? Note { get; init; }
}

/// <summary>Sổ theo dõi hồ sơ for a date range.</summary>
public sealed record NoticeLedger
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public string? BookNumber { get; init; }

    public IReadOnlyList<NoticeLedgerRow> Rows { get; init; } = [];
}

public sealed record NoticeLedgerRow
{
    public required int Number { get; init; }

    public required string DossierCode { get; init; }

    public required string ProcedureName { get; init; }

    public int Sets { get; init; } = 1;

    public required string Applicant { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? LeadAgency { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? ForwardedAt { get; init; }

    public DateTimeOffset? ResultReceivedAt { get; init; }

    public DateTimeOffset? ReturnedAt { get; init; }

    /// <summary>Hình thức trả kết quả (counter, post, online).</summary>
    public string? Delivery { get; init; }

    public string? Note { get; init; }
}

public enum FeeKind
{
    /// <summary>Phí: pays for a service.</summary>
    Fee,

    /// <summary>Lệ phí: a state charge.</summary>
    Charge,
}

/// <summary>Biên lai thu phí, lệ phí.</summary>
public sealed record NoticeFee
{
    /// <summary>Mẫu số of the receipt form.</summary>
    public required string FormNumber { get; init; }

    /// <summary>Ký hiệu.</summary>
    public required string Series { get; init; }

    public required string Number { get; init; }

    public string? TaxCode { get; init; }

    public required string PayerName { get; init; }

    public string? PayerAddress { get; init; }

    public IReadOnlyList<NoticeFeeItem> Items { get; init; } = [];

    /// <summary>Hình thức thanh toán: tiền mặt, chuyển khoản, trực tuyến.</summary>
    public required string PaymentMethod { get; init; }

    public string? Collector { get; init; }

    /// <summary>Derived from the items, so a receipt's figures and words always agree.</summary>
    public decimal Total => Items.Sum(i => i.Amount);
}

public sealed record NoticeFeeItem
{
    public required string Name { get; init; }

    public required FeeKind Kind { get; init; }

    public required decimal Amount { get; init; }
}

/// <summary>Phiếu bàn giao kết quả: what was handed to whom.</summary>
public sealed record NoticeHandover
{
    public IReadOnlyList<NoticeResultDocument> Results { get; init; } = [];

    public required string ReceivedBy { get; init; }

    public string? ReceivedByIdNumber { get; init; }

    public required DateTimeOffset HandedOverAt { get; init; }

    public string? Officer { get; init; }

    public string? Note { get; init; }
}

public sealed record NoticeResultDocument
{
    public required string Name { get; init; }

    public string? Number { get; init; }

    public int Copies { get; init; } = 1;
}

/// <summary>A decision or other result document (Decree 30/2020 layout): bases, articles, recipients, signer.</summary>
public sealed record NoticeDecision
{
    /// <summary>Tên loại văn bản, e.g. "QUYẾT ĐỊNH".</summary>
    public string Kind { get; init; } = "QUYẾT ĐỊNH";

    /// <summary>Trích yếu, e.g. "Về việc cấp Phiếu lý lịch tư pháp".</summary>
    public required string Subject { get; init; }

    /// <summary>Thẩm quyền ban hành, e.g. "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH LÂM ĐỒNG".</summary>
    public required string Authority { get; init; }

    public IReadOnlyList<string> Bases { get; init; } = [];

    public IReadOnlyList<string> Articles { get; init; } = [];

    public IReadOnlyList<string> Recipients { get; init; } = [];

    public string? SignerTitle { get; init; }

    public string? SignerName { get; init; }
}
