using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Api.Tests.Support;

public sealed partial class RedisClusterProcess
{
    /// <summary>One redis-server with cluster mode on, its bus on a second free port, its files in its own folder.</summary>
    private sealed class Node
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        public Node(int port, int busPort, string parent)
        {
            Port = port;
            var directory = Directory.CreateDirectory(Path.Combine(parent, port.ToString())).FullName;
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("REDIS_SERVER_PATH") ?? "redis-server")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // The bus port is chosen, not port + 10000 (which can pass 65535 for an ephemeral port);
            // a short node timeout makes a killed master's replica take over in about two seconds;
            // no diskless sync delay, so a replica has its copy at once.
            foreach (var argument in new[]
            {
                "--port", port.ToString(), "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-port", busPort.ToString(),
                "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000", "--dir", directory,
                "--save", "", "--appendonly", "no", "--repl-diskless-sync-delay", "0", "--loglevel", "warning",
            })
            {
                info.ArgumentList.Add(argument);
            }

            process = Start(info, "redis-server");
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
            process.OutputDataReceived += append;
            process.ErrorDataReceived += append;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Port { get; }

        public bool IsRunning => !process.HasExited;

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

        /// <summary>Polls with PING until "PONG"; false if the process ends or the time is up.</summary>
        public bool WaitUntilReady(TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout && !process.HasExited)
            {
                try
                {
                    if (Command(Port, "PING") == "PONG")
                    {
                        return true;
                    }
                }
                catch (Exception exception) when (exception is SocketException or IOException)
                {
                    // Not listening yet.
                }

                process.WaitForExit(50);
            }

            return false;
        }

        public void Kill()
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
}
