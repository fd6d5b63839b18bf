using System.Globalization;
using Microsoft.Extensions.Localization;
using OneStop.Host.Features.Notices;

namespace OneStop.Host.Features.Inbox.Pages;

/// <summary>How the inbox pages show times and due states (local time of Viet Nam, text beside the colour).</summary>
public static class InboxDisplay
{
    public static string Local(DateTimeOffset instant) =>
        instant.ToOffset(VietnameseText.VietnamOffset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"còn 12,5 giờ làm việc" or "quá hạn 3 giờ làm việc".</summary>
    public static string Remaining(IStringLocalizer text, double hours)
    {
        ArgumentNullException.ThrowIfNull(text);
        var amount = Math.Abs(hours).ToString("0.#", CultureInfo.CurrentCulture);
        return hours < 0 ? text["Inbox_OverdueBy", amount] : text["Inbox_Remaining", amount];
    }

    /// <summary>The row class: <c>inbox-overdue</c>, <c>inbox-duesoon</c> or none.</summary>
    public static string? RowClass(string state) => state switch
    {
        DueStates.Overdue => "inbox-overdue",
        DueStates.DueSoon => "inbox-duesoon",
        _ => null,
    };
}
