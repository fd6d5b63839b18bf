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

    /// <summary>Calendars for <c>os:calendar</c> (default: wall clock for both names until part 2).</summary>
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
}
