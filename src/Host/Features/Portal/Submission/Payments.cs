namespace OneStop.Host.Features.Portal.Submission;

/// <summary>What a citizen pays for an online dossier.</summary>
public sealed record PaymentRequest(string DossierCode, decimal Amount, string Description);

/// <summary>The provider's answer when the citizen comes back: paid (with the provider's reference) or not.</summary>
public sealed record PaymentResult(bool Succeeded, string? Reference, string? Message = null);

/// <summary>
/// A payment gateway for fully online procedures (ADR 0011): where to send the citizen to pay, and whether the
/// citizen's return from it is a payment. A real gateway checks the signed callback with the gateway.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    /// <summary>The page where the citizen pays.</summary>
    Uri Begin(PaymentRequest request);

    /// <summary>Reads the citizen's return from the payment page.</summary>
    Task<PaymentResult> CompleteAsync(PaymentRequest request, IReadOnlyDictionary<string, string> callback, CancellationToken cancellationToken);
}

/// <summary>
/// The demo's provider: a page of this application ("Thanh toán thử nghiệm") with Pay and Cancel; no money moves.
/// </summary>
public sealed class SandboxPaymentProvider : IPaymentProvider
{
    public const string ResultKey = "result";

    public const string Paid = "pay";

    public string Name => "sandbox";

    public Uri Begin(PaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri("/thanh-toan-thu-nghiem/" + Uri.EscapeDataString(request.DossierCode), UriKind.Relative);
    }

    public Task<PaymentResult> CompleteAsync(PaymentRequest request, IReadOnlyDictionary<string, string> callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Task.FromResult(callback.TryGetValue(ResultKey, out var result) && result == Paid
            ? new PaymentResult(true, "SBX-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant())
            : new PaymentResult(false, null, "Đã hủy thanh toán."));
    }
}
