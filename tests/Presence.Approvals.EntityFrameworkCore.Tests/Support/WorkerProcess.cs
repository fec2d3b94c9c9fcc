using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Presence.Approvals.EntityFrameworkCore.Tests.Support;

/// <summary>A separate process with its own ledger over the same database, driven line by line.</summary>
public sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<WorkerProcess> StartAsync(TestDatabase database)
    {
        var worker = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Worker").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add(database.Provider);
        start.ArgumentList.Add(database.ConnectionString);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var started = new WorkerProcess(process);
        Assert.Equal("started", await started.ReadAsync());
        return started;
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<string> ReadAsync()
    {
        var read = _process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(read, Task.Delay(AnswerTimeout)) != read)
        {
            throw new TimeoutException($"Worker {_process.Id} did not answer within {AnswerTimeout}.");
        }

        return await read ?? throw new InvalidOperationException($"Worker {_process.Id} ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
    }

    public async Task<string> AskAsync(string line)
    {
        await SendAsync(line);
        return await ReadAsync();
    }

    /// <summary>SIGKILL: no finally blocks, no flush, like a machine losing power under the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.WriteLine("exit");
                _process.StandardInput.Flush();
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.IO.IOException)
            {
            }
        }

        _process.Dispose();
    }
}
