using System.Diagnostics;

namespace Nija.Tests.Shared;

/// <summary>
/// A real silo process (silo/Nija.Silo.dll), configured through environment variables the way
/// deploy/local-cluster.sh configures it. Its output goes to a log file that tests quote when they
/// fail. Linked into the cluster tests and the benchmarks.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, int port, string logPath)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public string LogPath { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The silo executable built in the same configuration as the calling assembly.</summary>
    public static string SiloDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var dll = Path.Combine(NodeScripts.RepoRoot(), "silo", "bin", configuration, "net10.0", "Nija.Silo.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the silo first: {dll} is missing.");
        }
    }

    /// <summary>The API executable built in the same configuration as the calling assembly (for an API process in front of silos).</summary>
    public static string ApiDll => SiloDll.Replace($"{Path.DirectorySeparatorChar}silo{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}api{Path.DirectorySeparatorChar}", StringComparison.Ordinal).Replace("Nija.Silo.dll", "Nija.Api.dll", StringComparison.Ordinal);

    /// <summary>
    /// Starts a silo listening on <paramref name="port"/> with <paramref name="settings"/> (configuration
    /// keys, "Nija:Cluster:Port" style); <paramref name="dll"/> runs another host the same way (the API).
    /// </summary>
    public static SiloProcess Start(int port, string logPath, IReadOnlyDictionary<string, string> settings, string? dll = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll ?? SiloDll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(logPath)!,
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var sync = new Lock();
        var open = 2;

        // Each stream ends with a null line; the log closes after both have ended.
        void Write(string? line)
        {
            lock (sync)
            {
                if (line is not null)
                {
                    log.WriteLine(line);
                }
                else if (--open == 0)
                {
                    log.Dispose();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, port, logPath);
    }

    /// <summary>kill -9: no goodbye, no state written.</summary>
    public void Kill() => _process.Kill();

    /// <summary>kill -STOP: the process freezes with its sockets open.</summary>
    public void Freeze() => Signal("STOP");

    /// <summary>kill -CONT.</summary>
    public void Thaw() => Signal("CONT");

    /// <summary>kill -TERM: the silo shuts down gracefully and exits.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        Signal("TERM");
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>Waits until the process has logged <paramref name="text"/> ("Application started", say); fails if it exits first.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!LogTail(400).Contains(text, StringComparison.Ordinal))
        {
            if (HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Path.GetFileName(LogPath)}: '{text}' did not appear within {timeout}.\n{LogTail()}");
            }

            await Task.Delay(50);
        }
    }

    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Thaw();
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
