using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NatDsl.Tests.Kernel;

/// <summary>
/// TCP and UDP listeners on endpoint addresses inside the pods namespace. Each answers every
/// connection (TCP) or datagram (UDP) with one line: the address and port it was reached on and
/// the source address and port it saw, e.g. <c>10.254.98.5:8080 10.200.0.1:20001</c>.
/// </summary>
public sealed class EndpointListeners : IDisposable
{
    private readonly List<Socket> _sockets = new List<Socket>();
    private readonly List<Task> _loops = new List<Task>();
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();

    /// <summary>Opens a TCP and a UDP listener on each address at <paramref name="port"/>, in <paramref name="pods"/>.</summary>
    public void Listen(NamespaceThread pods, IEnumerable<string> addresses, int port)
    {
        foreach (var text in addresses)
        {
            var endPoint = new IPEndPoint(IPAddress.Parse(text), port);
            var tcp = pods.Invoke(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            _sockets.Add(tcp);
            tcp.Bind(endPoint);
            tcp.Listen(1024);
            _loops.Add(Task.Run(() => ServeTcp(tcp)));

            var udp = pods.Invoke(() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
            _sockets.Add(udp);
            udp.Bind(endPoint);
            _loops.Add(Task.Run(() => ServeUdp(udp)));
        }
    }

    private static byte[] Answer(EndPoint? local, EndPoint? remote) => Encoding.ASCII.GetBytes(local + " " + remote + "\n");

    private async Task ServeTcp(Socket listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            using (connection)
            {
                try
                {
                    await connection.SendAsync(Answer(connection.LocalEndPoint, connection.RemoteEndPoint), SocketFlags.None).ConfigureAwait(false);
                    connection.Shutdown(SocketShutdown.Send);
                }
                catch (SocketException)
                {
                    // The client went away; it records the failure on its side.
                }
            }
        }
    }

    private async Task ServeUdp(Socket socket)
    {
        var buffer = new byte[512];
        var any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                await socket.SendToAsync(Answer(socket.LocalEndPoint, received.RemoteEndPoint), SocketFlags.None, received.RemoteEndPoint, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP error from an earlier reply; keep serving.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        foreach (var socket in _sockets) socket.Dispose();
        try
        {
            Task.WaitAll(_loops.ToArray(), TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The loops end by cancellation or a closed socket; nothing else to report.
        }
        _stop.Dispose();
    }
}
