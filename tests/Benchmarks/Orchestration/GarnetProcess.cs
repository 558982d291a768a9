using System.Net.Sockets;

namespace Benchmarks.Orchestration;

/// <summary>Garnet (the Redis protocol server the repository's tool manifest names) as its own process on a free loopback port.</summary>
public static class GarnetProcess
{
    public static async Task<(ChildProcess Process, int Port)> StartAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var garnet = ChildProcess.Start("dotnet", ["tool", "run", "garnet-server", "--", "--bind", "127.0.0.1", "--port", port.ToString(), "--lua"], repoRoot);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (garnet.HasExited)
            {
                break;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return (garnet, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        var why = garnet.Tail;
        garnet.Dispose();
        throw new InvalidOperationException($"Garnet did not listen on {port} within 30 s (run `dotnet tool restore` first?):{Environment.NewLine}{why}");
    }
}
