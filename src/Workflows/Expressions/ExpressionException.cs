namespace OneStop.Workflows.Expressions;

/// <summary>An expression or script failed to parse or to run (including sandbox limits).</summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExpressionException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ExpressionException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ExpressionException()
    {
    }
}
