namespace OneStop.Host.Features.ProcessDesign;

/// <summary>
/// The national dossier status codes (used when syncing with the national portal) that an element may set on entry
/// (<c>os:status</c>). The Vietnamese names are the legal terms; the English ones are glosses.
/// </summary>
public static class NationalStatuses
{
    public static readonly IReadOnlyList<(int Code, string Vietnamese, string English)> All =
    [
        (1, "Mới đăng ký", "Registered online, not yet received"),
        (2, "Được tiếp nhận", "Received"),
        (3, "Không được tiếp nhận", "Refused at reception"),
        (4, "Đang xử lý", "In progress"),
        (5, "Yêu cầu bổ sung giấy tờ", "Supplement requested"),
        (6, "Yêu cầu thực hiện nghĩa vụ tài chính", "Awaiting financial obligation"),
        (7, "Công dân yêu cầu rút hồ sơ", "Withdrawn by the citizen"),
        (8, "Dừng xử lý", "Stopped"),
        (9, "Đã xử lý xong", "Result ready"),
        (10, "Đã trả kết quả", "Result returned"),
    ];
}
