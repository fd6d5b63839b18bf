using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Host.Features.Catalogue;
using OneStop.Host.Features.Dossiers;
using OneStop.Host.Identity;

namespace OneStop.Host.Features.Portal.Submission;

/// <summary>
/// Online submission of a dossier (status 1) for a procedure that allows it: applicant prefilled from the account,
/// one upload per document of the procedure (PDF, JPEG, PNG by content, size limit), fee shown; a fully online
/// procedure goes to the payment page first.
/// </summary>
[Authorize(Roles = PortalAccess.CitizenRole, AuthenticationSchemes = PortalAccess.Scheme)]
[RequestFormLimits(MultipartBodyLengthLimit = 256L * 1024 * 1024)]
[RequestSizeLimit(256L * 1024 * 1024)]
public sealed class SubmitModel(OnlineSubmissionService submissions, UserManager<ApplicationUser> users, Uploads uploads) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "procedure")]
    public Guid ProcedureId { get; set; }

    [BindProperty]
    public SubmitInput Input { get; set; } = new();

    public Procedure Procedure { get; private set; } = null!;

    public IReadOnlyList<RequiredDocument> Documents { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public Uploads Uploads => uploads;

    public decimal Fee => ReceptionServiceFee(Procedure);

    public bool NeedsPayment => OnlineSubmissionService.NeedsPayment(Procedure);

    public sealed class SubmitInput
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public string? IdNumber { get; set; }

        public string? Address { get; set; }

        public string? Request { get; set; }

        public ResultDelivery? Delivery { get; set; }

        /// <summary>Null when the form did not carry the choice (then both channels).</summary>
        public bool? NotifyEmail { get; set; }

        public bool? NotifySms { get; set; }

        public NotifyBy? NotifyBy => NotifyEmail is null && NotifySms is null
            ? null
            : (NotifyEmail == true ? Dossiers.NotifyBy.Email : Dossiers.NotifyBy.None) | (NotifySms == true ? Dossiers.NotifyBy.Sms : Dossiers.NotifyBy.None);
    }

    public IReadOnlyList<ResultDelivery> Deliveries => OnlineSubmissionService.DeliveriesFor(Procedure);

    public string? ErrorFor(string key) => Errors.TryGetValue(key, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (await users.GetUserAsync(User) is { } account)
        {
            Input = new SubmitInput { Name = account.FullName, Email = account.Email, Phone = account.PhoneNumber };
        }

        // Notices on every channel the account can be reached on; the citizen may tick the other after typing its contact.
        Input.Delivery = OnlineSubmissionService.DefaultDelivery(Procedure);
        Input.NotifyEmail = !string.IsNullOrWhiteSpace(Input.Email);
        Input.NotifySms = !string.IsNullOrWhiteSpace(Input.Phone);

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var files = Enumerable.Range(0, Documents.Count).Select(i => Request.Form.Files.GetFile($"documents[{i}]")).ToList();
        var result = await submissions.SubmitAsync(Procedure,
            new SubmissionForm(Input.Name, Input.Email, Input.Phone, Input.IdNumber, Input.Address, Input.Request, Input.Delivery, Input.NotifyBy),
            files, User, cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        return result.PaymentPage is { } payment
            ? Redirect(payment.OriginalString)
            : RedirectToPage("Submitted", new { code = result.Dossier!.Code });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await submissions.OnlineProcedureAsync(ProcedureId, cancellationToken) is not { } procedure)
        {
            return false;
        }

        Procedure = procedure;
        Documents = [.. procedure.Documents.OrderBy(d => d.Position)];
        return true;
    }

    private static decimal ReceptionServiceFee(Procedure procedure) => Dossiers.ReceptionService.FeeFor(procedure, 1);
}
