using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Api.Tests.Support;

/// <summary>The few commands the cluster's set-up and failover send, in RESP over a socket (no client library).</summary>
public sealed partial class RedisClusterProcess
{
    /// <summary>One command in RESP; the reply as text (an array's items one a line). An error reply throws.</summary>
    private static string Command(int port, params string[] arguments)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        using var stream = client.GetStream();
        stream.ReadTimeout = 2000;
        var request = new StringBuilder($"*{arguments.Length}\r\n");
        foreach (var argument in arguments)
        {
            request.Append($"${Encoding.UTF8.GetByteCount(argument)}\r\n{argument}\r\n");
        }

        stream.Write(Encoding.UTF8.GetBytes(request.ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return ReadReply(reader);
    }

    private static string ReadReply(StreamReader reader)
    {
        var line = reader.ReadLine() ?? throw new IOException("Redis closed the connection.");
        switch (line[0])
        {
            case '-':
                throw new InvalidOperationException($"Redis answered an error: {line[1..]}");
            case '$':
                var length = int.Parse(line[1..]);
                if (length < 0)
                {
                    return "";
                }

                var text = new char[length];
                reader.ReadBlock(text, 0, length);
                reader.ReadLine();
                return new string(text);
            case '*':
                var items = Enumerable.Range(0, Math.Max(0, int.Parse(line[1..]))).Select(_ => ReadReply(reader)).ToList();
                return string.Join('\n', items);
            default:
                return line[1..];
        }
    }
}
