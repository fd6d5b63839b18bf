using System.Diagnostics;

namespace OneStop.Host.Tests.Infrastructure;

/// <summary>Runs the built Host as its own process, as an operator would start it, and captures what it prints.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The Host did not exit within 90 s: " + await output + await error);
        }

        return new Result(process.ExitCode, await output + await error);
    }

    /// <summary>Starts the Host as a long-running node; the caller stops it, or kills it as a crash would.</summary>
    public static Node Start(IReadOnlyDictionary<string, string> environment) => new(Process.Start(StartInfo(environment, []))!);

    public sealed class Node : IDisposable
    {
        private readonly Process process;
        private readonly System.Text.StringBuilder output = new();

        internal Node(Process process)
        {
            this.process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        public bool HasExited => process.HasExited;

        /// <summary>Ends the process at once (SIGKILL): no lease is released, nothing is flushed.</summary>
        public void Kill() => process.Kill(entireProcessTree: true);

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        private void Append(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OneStop.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The project folder holds appsettings*.json, as under `dotnet run --project src/Host`.
        start.Environment["ASPNETCORE_CONTENTROOT"] = Repository.HostProject;

        start.Environment["Serilog__WriteTo__File__Args__path"] = Path.Combine(Path.GetTempPath(), "onestop-process-logs", "onestop-.log");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
