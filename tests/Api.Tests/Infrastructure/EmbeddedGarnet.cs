using System.Net;
using System.Net.Sockets;
using Garnet;

namespace Api.Tests.Infrastructure;

/// <summary>A real Redis-protocol server (Microsoft Garnet) in the test process, on a free loopback port.</summary>
public sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer server;

    public EmbeddedGarnet()
    {
        Port = FreeTcpPort();
        server = new GarnetServer(["--bind", "127.0.0.1", "--port", Port.ToString(), "--lua"]);
        server.Start();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public void Dispose() => server.Dispose();

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
