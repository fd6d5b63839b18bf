using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OneStop.Benchmarks;

/// <summary>Start-to-end runs of the 5-step procedure; one operation is one instance.</summary>
[Config(typeof(InProcessConfig))]
public class ProcedureBenchmarks
{
    /// <summary>In-process (no generated project to build), few iterations: the flows take milliseconds per batch.</summary>
    public sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    public const int Batch = 200;
    private OneStopProcedure _oneStop = null!;
    private WorkflowCoreProcedure _workflowCore = null!;
    private int _counter;

    [GlobalSetup]
    public void Setup()
    {
        _oneStop = new OneStopProcedure();
        _oneStop.SetupAsync().GetAwaiter().GetResult();
        _workflowCore = new WorkflowCoreProcedure();
        _workflowCore.SetupAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _workflowCore.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public async Task WorkflowCore() => await _workflowCore.RunBatchAsync(Batch);

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task OneStop()
    {
        for (var i = 0; i < Batch; i++)
        {
            await _oneStop.RunOneAsync(_counter++);
        }
    }
}
