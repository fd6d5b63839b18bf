using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Workflows.Validation;
using static OneStop.Host.Features.ProcessDesign.DesignRules;

namespace OneStop.Host.Features.ProcessDesign;

/// <summary>Stable identifiers of the designer API's errors (OS5xxx), searchable like the engine's OS2xxx.</summary>
public static class DesignCodes
{
    /// <summary>The document has no process whose id is the flow's key (a validation error).</summary>
    public const string KeyMismatch = "OS5001";
    /// <summary>Someone saved the draft after the caller loaded it.</summary>
    public const string StaleDraft = "OS5002";
    /// <summary>The flow does not exist.</summary>
    public const string FlowNotFound = "OS5003";
    /// <summary>A flow with that key exists already.</summary>
    public const string KeyTaken = "OS5004";
    /// <summary>The draft has errors; it cannot be published.</summary>
    public const string HasErrors = "OS5005";
    /// <summary>The file is not a readable BPMN document.</summary>
    public const string NotReadable = "OS5006";
    /// <summary>The version does not exist.</summary>
    public const string VersionNotFound = "OS5007";
    /// <summary>The uploaded file is too large.</summary>
    public const string TooLarge = "OS5008";
    /// <summary>The incident cannot be retried.</summary>
    public const string CannotRetry = "OS5009";
    /// <summary>An imported file's process id cannot be a flow key.</summary>
    public const string UnusableKey = "OS5010";
    /// <summary>The instance (or its incident) does not exist.</summary>
    public const string InstanceNotFound = "OS5011";
}

/// <summary>The designer API's ProblemDetails, each with its <see cref="DesignCodes"/> code and a message in the caller's language.</summary>
internal static class DesignProblems
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static ProblemDetails Problem(int status, string code, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    internal static ProblemDetails Stale(ProcessDraft current)
    {
        var at = current.UpdatedAt.ToOffset(VietnamOffset);
        var problem = Problem(StatusCodes.Status409Conflict, DesignCodes.StaleDraft,
            Say("Bản nháp đã được người khác lưu", "The draft was saved by someone else"),
            Say($"{current.UpdatedBy} đã lưu bản nháp lúc {at.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.GetCultureInfo("vi-VN"))} (lần lưu {current.Revision}), sau khi bạn mở nó. Thay đổi của bạn chưa được lưu: hãy tải lại trang để xem bản mới nhất rồi sửa lại.",
                $"{current.UpdatedBy} saved the draft at {at.ToString("HH:mm 'on' dd/MM/yyyy", CultureInfo.InvariantCulture)} (save {current.Revision}) after you opened it. Your changes were not saved: reload the page to see the latest draft, then make them again."));
        problem.Extensions["updatedBy"] = current.UpdatedBy;
        problem.Extensions["updatedAt"] = current.UpdatedAt;
        problem.Extensions["revision"] = current.Revision;
        return problem;
    }

    internal static ProblemDetails Gone(string key) => Problem(StatusCodes.Status409Conflict, DesignCodes.StaleDraft,
        Say("Bản nháp không còn", "The draft is gone"),
        Say($"Bản nháp của quy trình '{key}' không còn như lúc bạn mở. Hãy tải lại trang.",
            $"The draft of flow '{key}' is no longer the one you opened. Reload the page."));

    internal static ProblemDetails KeyTaken(string key) => Problem(StatusCodes.Status409Conflict, DesignCodes.KeyTaken,
        Say("Mã quy trình đã có", "The key is taken"),
        Say($"Đã có quy trình mang mã '{key}'. Hãy mở quy trình đó, hoặc chọn mã khác.",
            $"A flow with the key '{key}' exists already. Open it, or choose another key."));

    internal static ProblemDetails UnusableKey(string processId) => Problem(StatusCodes.Status400BadRequest, DesignCodes.UnusableKey,
        Say("Mã process không dùng được", "Unusable process id"),
        Say($"Mã (id) '{processId}' của process trong tệp không dùng được làm mã quy trình (chỉ chữ cái không dấu, chữ số, '_', '-', '.'). Hãy tạo quy trình trước rồi nhập tệp vào đó.",
            $"The file's process id '{processId}' cannot be a flow key (ASCII letters, digits, '_', '-', '.' only). Create the flow first, then import the file into it."));

    internal static ProblemDetails FlowNotFound(string key) => Problem(StatusCodes.Status404NotFound, DesignCodes.FlowNotFound,
        Say("Không tìm thấy quy trình", "Flow not found"),
        Say($"Không có quy trình mang mã '{key}'.", $"No flow has the key '{key}'."));

    internal static ProblemDetails VersionNotFound(string key, int version) => Problem(StatusCodes.Status404NotFound, DesignCodes.VersionNotFound,
        Say("Không tìm thấy phiên bản", "Version not found"),
        Say($"Quy trình '{key}' không có phiên bản {version}.", $"Flow '{key}' has no version {version}."));

    internal static ProblemDetails TooLarge(int maxBytes) => Problem(StatusCodes.Status400BadRequest, DesignCodes.TooLarge,
        Say("Tệp quá lớn", "File too large"),
        Say($"Tệp .bpmn không được lớn hơn {maxBytes / (1024 * 1024)} MB.", $"A .bpmn file may not exceed {maxBytes / (1024 * 1024)} MB."));

    /// <summary>400 with the reader's problem (line and column included) for XML that does not even parse.</summary>
    internal static ProblemDetails NotReadable(IReadOnlyList<ValidationProblem> problems)
    {
        var first = problems.Count > 0 ? problems[0] : null;
        var where = first is { Line: > 0 } ? Say($" (dòng {first.Line}, cột {first.Column})", $" (line {first.Line}, column {first.Column})") : "";
        var problem = Problem(StatusCodes.Status400BadRequest, DesignCodes.NotReadable,
            Say("Không đọc được tệp BPMN", "The BPMN document cannot be read"),
            (first is null ? Say("Tài liệu trống.", "The document is empty.") : Say(first.MessageVi, first.MessageEn)) + where);
        problem.Extensions["problems"] = ToDtos(problems);
        return problem;
    }

    /// <summary>422 listing every problem, so the editor can mark each element.</summary>
    internal static ProblemDetails HasErrors(IReadOnlyList<ValidationProblem> problems)
    {
        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        var problem = Problem(StatusCodes.Status422UnprocessableEntity, DesignCodes.HasErrors,
            Say("Quy trình còn lỗi, chưa thể ban hành", "The flow has errors and cannot be published"),
            Say($"Có {errors} lỗi cần sửa trước khi ban hành; xem danh sách lỗi và các phần tử được đánh dấu trên sơ đồ.",
                $"{errors} error(s) must be fixed before publishing; see the problem list and the marked elements."));
        problem.Extensions["problems"] = ToDtos(problems);
        return problem;
    }
}
