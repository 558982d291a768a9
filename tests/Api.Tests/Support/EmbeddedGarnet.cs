using Garnet;

namespace Api.Tests.Support;

/// <summary>A real Redis-protocol server (Microsoft Garnet) in the test process, on a free loopback port.</summary>
public sealed class EmbeddedGarnet : ICacheServer
{
    private readonly GarnetServer server;

    public EmbeddedGarnet(int? port = null)
    {
        Port = port ?? FreePort.Next();
        server = new GarnetServer(["--bind", "127.0.0.1", "--port", Port.ToString(), "--lua"]);
        server.Start();
    }

    public string Engine => "garnet";

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public void Dispose() => server.Dispose();
}
