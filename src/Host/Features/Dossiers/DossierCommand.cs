namespace OneStop.Host.Features.Dossiers;

/// <summary>
/// Who is acting and why, for the engine command running in this async flow: the workflow hook writes the dossier's
/// history inside the engine's transaction and takes the actor, comment and supplement details from here.
/// </summary>
public sealed record DossierCommand(string Actor, string? Comment = null, SupplementDetails? Supplement = null)
{
    private static readonly AsyncLocal<DossierCommand?> CurrentCommand = new();

    /// <summary>The command of this async flow; null for background work (timers), which acts as <see cref="System"/>.</summary>
    public static DossierCommand? Current => CurrentCommand.Value;

    /// <summary>The actor name of background work.</summary>
    public const string System = "system";

    /// <summary>Makes <paramref name="command"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(DossierCommand command)
    {
        var previous = CurrentCommand.Value;
        CurrentCommand.Value = command;
        return new Restore(previous);
    }

    private sealed class Restore(DossierCommand? previous) : IDisposable
    {
        public void Dispose() => CurrentCommand.Value = previous;
    }
}

/// <summary>What a department asks the citizen to supplement (form 02).</summary>
public sealed record SupplementDetails(string Reason, IReadOnlyList<string> Documents);
