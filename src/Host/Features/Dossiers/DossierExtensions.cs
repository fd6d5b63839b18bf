using OneStop.Host.Engine;
using OneStop.Host.Features.Inbox;
using OneStop.Host.Features.Portal.Submission;

namespace OneStop.Host.Features.Dossiers;

public static class DossierExtensions
{
    /// <summary>Codes, reception, notices and the workflow hook of the dossier lifecycle.</summary>
    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddDossierCodes();
        services.AddScoped<ReceptionService>();
        services.AddOnlineSubmission();
        services.AddSingleton<DossierNotices>();
        services.AddScoped<IWorkflowTransactionHook, DossierWorkflowHook>();
        services.AddInbox();
        services.AddLifecycle();
        return services;
    }
}
