using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Api.Tests.Support;

/// <summary>
/// Debian's <c>redis-server</c> (Redis 7, the production engine) as a child process on a loopback
/// port: no persistence, ready once it answers PING, killed on dispose. The program is found on
/// PATH, or at <c>REDIS_SERVER_PATH</c>.
/// </summary>
public sealed class RedisServerProcess : ICacheServer
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly StringBuilder output = new();

    public RedisServerProcess(int? port = null)
    {
        // A free port can be taken by someone else before redis-server binds it: try another.
        for (var attempt = 1; ; attempt++)
        {
            Port = port ?? FreePort.Next();
            process = Start(Port, output);
            if (WaitUntilReady())
            {
                break;
            }

            Kill();
            if (port is not null || attempt == 3)
            {
                throw new InvalidOperationException($"redis-server did not answer PING on port {Port} within {StartTimeout.TotalSeconds:0} s. Its output:\n{Output}");
            }

            output.Clear();
        }

        // If the test host ends without disposing (a crash, Ctrl+C), the server must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public string Engine => "redis";

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Kill();
        process.Dispose();
    }

    private static Process Start(int port, StringBuilder output)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("REDIS_SERVER_PATH") ?? "redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning" })
        {
            info.ArgumentList.Add(argument);
        }

        Process started;
        try
        {
            started = Process.Start(info)!;
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"{CacheServers.EngineVariable}=redis needs redis-server: `apt-get install -y redis-server` (tests/run.sh does), or set REDIS_SERVER_PATH. ({exception.Message})",
                exception);
        }

        DataReceivedEventHandler append = (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        };
        started.OutputDataReceived += append;
        started.ErrorDataReceived += append;
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    /// <summary>Polls with PING until "+PONG"; false if the process ends or the time is up.</summary>
    private bool WaitUntilReady()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout && !process.HasExited)
        {
            if (AnswersPing() && !process.HasExited)
            {
                return true;
            }

            // Waiting for a process to bind its socket: nothing to subscribe to, so poll.
            process.WaitForExit(50);
        }

        return false;
    }

    private bool AnswersPing()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            using var stream = client.GetStream();
            stream.ReadTimeout = 1000;
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return false;
        }
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
