using System.Globalization;
using BenchmarkDotNet.Running;
using OneStop.Benchmarks;

if (args is ["--smoke"])
{
    // A quick correctness check of both flows without measuring.
    var oneStop = new OneStopProcedure();
    await oneStop.SetupAsync();
    await oneStop.RunOneAsync(0);
    await using var workflowCore = new WorkflowCoreProcedure();
    await workflowCore.SetupAsync();
    await workflowCore.RunBatchAsync(10);
    Console.WriteLine("smoke ok");
    return;
}

if (args is ["--durable", ..])
{
    // dotnet run -c Release --project tests/OneStop.Benchmarks -- --durable [seconds] [clients]
    var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
    var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
    await DurableHarness.RunAsync(TimeSpan.FromSeconds(seconds), clients);
    return;
}

var summary = BenchmarkRunner.Run<ProcedureBenchmarks>(args: args);
double? Mean(string method) => summary.Reports
    .FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)?.ResultStatistics?.Mean;
var oneStopNs = Mean(nameof(ProcedureBenchmarks.OneStop));
var peerNs = Mean(nameof(ProcedureBenchmarks.WorkflowCore));
if (oneStopNs is { } o && peerNs is { } p)
{
    var c = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(c, $"OneStop:      {1e9 / o:N0} instances/s"));
    Console.WriteLine(string.Create(c, $"WorkflowCore: {1e9 / p:N0} instances/s"));
    Console.WriteLine(string.Create(c, $"Ratio OneStop / WorkflowCore: {p / o:N2}x"));
}
