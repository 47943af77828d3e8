using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NatDsl.Tests.Kernel;

/// <summary>
/// Opens many connections from a namespace to one destination, each from its own explicit source
/// port (so each is a new conntrack entry and a new load-balancing draw), bounded in count, in
/// concurrency and in time, and records how each ended: the endpoint's answer, a refusal, or silence.
/// Sockets are connected (UDP too), so a reply counts only when it comes from the address the client
/// asked: the kernel's reverse NAT is checked on every answer.
/// </summary>
public static class Prober
{
    private const int Concurrency = 8;

    /// <summary>How long a TCP connection waits: long enough for one lost SYN to be sent again (after 1 s).</summary>
    private static readonly TimeSpan TcpLimit = TimeSpan.FromMilliseconds(2500);

    /// <summary>How long a UDP datagram waits for its answer; it is sent at most three times.</summary>
    private static readonly TimeSpan UdpLimit = TimeSpan.FromMilliseconds(700);

    /// <summary>
    /// Opens <paramref name="count"/> connections of <paramref name="protocol"/> from
    /// <paramref name="source"/> ports <paramref name="firstPort"/>… to <paramref name="destination"/>:<paramref name="port"/>,
    /// starting no new one after <paramref name="deadline"/>.
    /// </summary>
    public static ProbeRun Run(NamespaceThread client, ProtocolType protocol, string source, int firstPort, int count, string destination, int port, TimeSpan deadline)
    {
        if (count > 5000) throw new ArgumentOutOfRangeException(nameof(count), "bounded to 5000 connections");
        var observations = new ConcurrentBag<Observation>();
        var failures = new ConcurrentBag<string>();
        var from = IPAddress.Parse(source);
        var to = new IPEndPoint(IPAddress.Parse(destination), port);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = new Task[Math.Min(Concurrency, count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var local = new IPEndPoint(from, firstPort + i);
                    if (clock.Elapsed > deadline)
                    {
                        failures.Add(Text(local.Port) + ": not tried, deadline of " + deadline + " passed");
                        continue;
                    }
                    try
                    {
                        var observation = protocol == ProtocolType.Tcp
                            ? await Tcp(client, local, to).ConfigureAwait(false)
                            : await Udp(client, local, to).ConfigureAwait(false);
                        observations.Add(observation);
                    }
                    catch (Exception e) when (e is SocketException or FormatException or OperationCanceledException)
                    {
                        failures.Add(Text(local.Port) + ": " + e.GetType().Name + " " + e.Message);
                    }
                }
            });
        }
        if (!Task.WaitAll(workers, deadline + TimeSpan.FromSeconds(15))) failures.Add("workers did not finish");
        return new ProbeRun(observations.ToArray(), failures.ToArray(), clock.ElapsedMilliseconds);
    }

    private static async Task<Observation> Tcp(NamespaceThread client, IPEndPoint local, IPEndPoint to)
    {
        using var socket = await client.InvokeAsync(() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ConfigureAwait(false);
        using var limit = new CancellationTokenSource(TcpLimit);
        socket.Bind(local);
        try
        {
            await socket.ConnectAsync(to, limit.Token).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new Observation(local.Port, Observation.Refused, string.Empty);
        }
        catch (OperationCanceledException)
        {
            return new Observation(local.Port, Observation.Silence, string.Empty);
        }
        var buffer = new byte[256];
        var length = 0;
        while (length < buffer.Length)
        {
            var n = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), SocketFlags.None, limit.Token).ConfigureAwait(false);
            if (n == 0) break;
            length += n;
        }
        return Parse(local.Port, buffer, length);
    }

    private static async Task<Observation> Udp(NamespaceThread client, IPEndPoint local, IPEndPoint to)
    {
        using var socket = await client.InvokeAsync(() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)).ConfigureAwait(false);
        socket.Bind(local);
        socket.Connect(to);
        var buffer = new byte[256];
        var request = Encoding.ASCII.GetBytes("?");
        // A lost datagram is sent again from the same port: the same conntrack entry, the same draw.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var limit = new CancellationTokenSource(UdpLimit);
            try
            {
                await socket.SendAsync(request, SocketFlags.None).ConfigureAwait(false);
                var received = await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token).ConfigureAwait(false);
                return Parse(local.Port, buffer, received);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return new Observation(local.Port, Observation.Refused, string.Empty);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return new Observation(local.Port, Observation.Silence, string.Empty);
    }

    private static Observation Parse(int sourcePort, byte[] buffer, int length)
    {
        var text = Encoding.ASCII.GetString(buffer, 0, length).Trim();
        var parts = text.Split(' ');
        if (parts.Length != 2) throw new FormatException("unexpected answer \"" + text + "\"");
        return new Observation(sourcePort, parts[0], parts[1]);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
