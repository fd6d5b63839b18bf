namespace OneStop.Host.Engine;

/// <summary>The <c>Engine:Jobs</c> section: how every node runs due engine jobs (timers).</summary>
public sealed class JobExecutorOptions
{
    public const string Section = "Engine:Jobs";

    /// <summary>Run the executor on this node. Default: true; every node may run it, leases keep them apart.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This node's name in job leases. Default: host name, process id and a random suffix.</summary>
    public string? NodeId { get; set; }

    /// <summary>How long a claimed job belongs to this node; a node that dies loses its jobs after this. Default: 2 minutes.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest sleep between two looks at the jobs table, for jobs other nodes create. Default: 10 seconds.</summary>
    public TimeSpan MaxSleep { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Jobs claimed per round. Default: 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Failures of one job before it is parked for an admin. Default: 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay after a failure; doubles with each attempt. Default: 5 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
