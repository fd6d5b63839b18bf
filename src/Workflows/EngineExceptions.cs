namespace OneStop.Workflows;

/// <summary>
/// The user task is not open: it was completed or cancelled (typically by another user a moment earlier), or never
/// existed. The API answers 409 with the task's current state.
/// </summary>
public sealed class TaskNotOpenException : InvalidOperationException
{
    /// <summary>Creates the exception for a task id.</summary>
    public TaskNotOpenException(string taskId) : base($"User task '{taskId}' is no longer open.") => TaskId = taskId;

    /// <summary>Creates the exception.</summary>
    public TaskNotOpenException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public TaskNotOpenException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The task concerned.</summary>
    public string? TaskId { get; }
}
