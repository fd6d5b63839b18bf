namespace OneStop.Host;

/// <summary>
/// A configuration or environment problem that stops the Host from starting. Program prints its message as one
/// log line (no stack trace) and exits non-zero. Messages start with a stable code (<c>OS1xxx</c>).
/// </summary>
public sealed class StartupException(string message, Exception? innerException = null) : Exception(message, innerException);
