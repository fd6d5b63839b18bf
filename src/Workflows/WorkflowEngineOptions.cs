using OneStop.Workflows.Calendar;
using OneStop.Workflows.Execution;
using OneStop.Workflows.Expressions;

namespace OneStop.Workflows;

/// <summary>Settings of a <see cref="WorkflowEngine"/>.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>The clock (default: system time). Tests and the runner pass a virtual clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Service/send task handlers by <c>os:handler</c> key (default: <c>log</c> and <c>noop</c>).</summary>
    public ServiceHandlerRegistry Handlers { get; init; } = ServiceHandlerRegistry.CreateDefault();

    /// <summary>
    /// Calendars for <c>os:calendar</c> (default: wall clock for both names; the Host and the runner pass the Vietnamese
    /// working calendar). Asked at every use, so a provider that swaps its calendar is seen by the next command.
    /// </summary>
    public IBusinessCalendarProvider Calendars { get; init; } = SimpleCalendarProvider.WallClock;

    /// <summary>Sandbox limits of expressions and scripts.</summary>
    public ExpressionLimits ExpressionLimits { get; init; } = ExpressionLimits.Default;

    /// <summary>
    /// How long a message that finds no subscription is kept and delivered when a matching subscription appears
    /// (default zero: not kept; the Host configures it).
    /// </summary>
    public TimeSpan MessageTimeToLive { get; init; } = TimeSpan.Zero;

    /// <summary>Maximum number of timers fired by one <see cref="WorkflowEngine.FireDueTimersAsync"/> call (default 1,000).</summary>
    public int TimerBatchSize { get; init; } = 1_000;

    /// <summary>
    /// How many times a background command (timer, message, recomputation, effect on another instance) is retried
    /// after a <see cref="Persistence.ConcurrencyConflictException"/> before the exception reaches its caller (default 5).
    /// User commands are never retried.
    /// </summary>
    public int ConflictRetries { get; init; } = 5;

    /// <summary>The first back-off after a conflict (default 20 ms); it doubles with every retry, with ±50 % jitter.</summary>
    public TimeSpan ConflictRetryDelay { get; init; } = TimeSpan.FromMilliseconds(20);
}
