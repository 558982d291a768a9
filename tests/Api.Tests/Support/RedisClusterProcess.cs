using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Api.Tests.Support;

/// <summary>
/// A local Redis Cluster of Debian's <c>redis-server</c> (three masters, three replicas) on free
/// loopback ports, each node in its own temp folder, joined by <c>redis-cli --cluster create</c>
/// and ready once every node says <c>cluster_state:ok</c> and every replica has synced. Dispose
/// kills the six and deletes their folders. <see cref="FailOverMasterOf"/> and
/// <see cref="KillMasterOf"/> take a master away on purpose. Only the base library is used, so
/// the bench can link this file and its two parts (<c>RedisClusterProcess.*.cs</c>); the programs
/// are found on PATH, or at <c>REDIS_SERVER_PATH</c> and <c>REDIS_CLI_PATH</c>.
/// </summary>
public sealed partial class RedisClusterProcess : IDisposable
{
    private const int Masters = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"redis-cluster-{Guid.NewGuid():N}");
    private readonly List<Node> nodes = [];

    /// <param name="firstPort">The port of the first node (a cache that comes back where the Api expects it); the others are free ports.</param>
    public RedisClusterProcess(int? firstPort = null)
    {
        // If the test host ends without disposing (a crash, Ctrl+C), the servers must not outlive it.
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        try
        {
            for (var index = 0; index < Masters * 2; index++)
            {
                nodes.Add(StartNode(index == 0 ? firstPort : null));
            }

            RunCli(["--cluster", "create", .. nodes.Select(node => $"127.0.0.1:{node.Port}"), "--cluster-replicas", "1", "--cluster-yes"]);
            WaitUntil(() => nodes.All(IsSettled), "every node to say cluster_state:ok and every replica to sync");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Engine => "cluster";

    /// <summary>The first node's port; the client discovers the others from it.</summary>
    public int Port => nodes[0].Port;

    public IReadOnlyList<int> Ports => nodes.Select(node => node.Port).ToList();

    /// <summary>Every node as a seed: the client still finds the cluster when one of them is down.</summary>
    public string ConnectionString => string.Join(',', nodes.Select(node => $"127.0.0.1:{node.Port}")) + ",abortConnect=false";

    /// <summary>
    /// A planned failover: the replica of the master that holds <paramref name="key"/> takes over
    /// (<c>CLUSTER FAILOVER</c>, no write is lost), and the call returns once the cluster agrees.
    /// Returns the port of the new master.
    /// </summary>
    public int FailOverMasterOf(string key)
    {
        var (master, replica) = MasterAndReplicaOf(key);
        Expect("+OK", Command(replica.Port, "CLUSTER", "FAILOVER"));
        WaitUntil(() => Role(replica.Port) == "master" && Role(master.Port) == "slave" && nodes.All(IsSettled), $"the replica on {replica.Port} to take over from {master.Port}");
        return replica.Port;
    }

    /// <summary>
    /// A crash: the master that holds <paramref name="key"/> is killed, and the call returns once
    /// its replica was promoted and the cluster is ok again (about the node timeout, 2 s). Returns
    /// the port of the new master.
    /// </summary>
    public int KillMasterOf(string key)
    {
        var (master, replica) = MasterAndReplicaOf(key);
        master.Kill();
        WaitUntil(() => Role(replica.Port) == "master" && nodes.Where(node => node.IsRunning).All(IsOk), $"the replica on {replica.Port} to be promoted after {master.Port} died");
        return replica.Port;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        foreach (var node in nodes)
        {
            node.Kill();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A node still closing a file: the temp folder is the OS's to clean.
        }
    }

    private Node StartNode(int? port)
    {
        // A free port can be taken by someone else before redis-server binds it: try another.
        for (var attempt = 1; ; attempt++)
        {
            var node = new Node(port ?? FreePort(), FreePort(), folder);
            if (node.WaitUntilReady(Timeout))
            {
                return node;
            }

            node.Kill();
            if (port is not null || attempt == 3)
            {
                throw new InvalidOperationException($"redis-server (cluster node) did not answer PING on port {node.Port}. Its output:\n{node.Output}");
            }
        }
    }

    private (Node Master, Node Replica) MasterAndReplicaOf(string key)
    {
        var slot = long.Parse(Command(Port, "CLUSTER", "KEYSLOT", key));
        // CLUSTER NODES: "<id> <ip:port@bus> <flags> <master id or -> ... <slot ranges>", one line a node.
        var lines = Command(nodes.First(node => node.IsRunning).Port, "CLUSTER", "NODES").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')).ToList();
        var master = lines.Single(fields => fields[2].Contains("master") && !fields[2].Contains("fail") && fields.Skip(8).Any(range => Holds(range, slot)));
        var replica = lines.First(fields => fields[3] == master[0] && !fields[2].Contains("fail"));
        return (NodeAt(master[1]), NodeAt(replica[1]));
    }

    private Node NodeAt(string address) => nodes.Single(node => address.StartsWith($"127.0.0.1:{node.Port}@", StringComparison.Ordinal));

    private static bool Holds(string range, long slot)
    {
        var bounds = range.Split('-');
        return long.TryParse(bounds[0], out var first) && long.TryParse(bounds[^1], out var last) && first <= slot && slot <= last;
    }

    private static bool IsOk(Node node) => Command(node.Port, "CLUSTER", "INFO").Contains("cluster_state:ok", StringComparison.Ordinal);

    /// <summary>The cluster is ok from this node's view, and a replica has its copy of the master's data.</summary>
    private static bool IsSettled(Node node)
    {
        if (!IsOk(node))
        {
            return false;
        }

        var replication = Command(node.Port, "INFO", "replication");
        return replication.Contains("role:master", StringComparison.Ordinal) || replication.Contains("master_link_status:up", StringComparison.Ordinal);
    }

    private static string Role(int port) => Command(port, "ROLE").Split('\n')[0];

    private static void Expect(string expected, string reply)
    {
        if (reply != expected.TrimStart('+'))
        {
            throw new InvalidOperationException($"Redis answered \"{reply}\", not {expected}.");
        }
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            try
            {
                if (condition())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is SocketException or IOException or InvalidOperationException)
            {
                // A node between states (a failover under way): ask again.
            }

            // The cluster's gossip has nothing to subscribe to from outside: poll.
            Thread.Sleep(50);
        }

        throw new TimeoutException($"The Redis Cluster did not get there within {Timeout.TotalSeconds:0} s: waiting for {what}.");
    }

    private void RunCli(string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("REDIS_CLI_PATH") ?? "redis-cli")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var cli = Start(info, "redis-cli");
        var output = cli.StandardOutput.ReadToEndAsync();
        var errors = cli.StandardError.ReadToEndAsync();
        if (!cli.WaitForExit(Timeout) || cli.ExitCode != 0)
        {
            cli.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"redis-cli {string.Join(' ', arguments)} failed:\n{output.Result}\n{errors.Result}");
        }
    }

    private static Process Start(ProcessStartInfo info, string program)
    {
        try
        {
            return Process.Start(info)!;
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"The Redis Cluster needs {program}: `apt-get install -y redis-server` (tests/run.sh does; it brings redis-cli), or set REDIS_SERVER_PATH and REDIS_CLI_PATH. ({exception.Message})",
                exception);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        foreach (var node in nodes)
        {
            node.Kill();
        }
    }
}
