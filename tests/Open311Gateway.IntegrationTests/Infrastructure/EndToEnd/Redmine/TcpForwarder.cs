using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd.Redmine;

/// <summary>
/// A plain TCP relay on loopback between the worker and the real Redmine, so a test can make Redmine unreachable for
/// the worker (connections refused, open ones cut) and reachable again on the same address, or slow every exchange
/// down, without stopping the Redmine that other test classes share. The bytes pass unchanged.
/// </summary>
public sealed class TcpForwarder(int targetPort) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private TcpListener? _listener;

    public int Port { get; private set; }

    /// <summary>Added before every chunk in either direction: a request reaches Redmine late, and so does its answer.</summary>
    public TimeSpan Delay { get; set; }

    public bool IsOpen => _listener is not null;

    public void Open()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _ = AcceptAsync(listener);
    }

    /// <summary>Refuses new connections and cuts the open ones, as a Redmine host gone from the network would.</summary>
    public void Close()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var (client, server) in _open)
        {
            client.Dispose();
            server.Dispose();
        }
        _open.Clear();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // closed
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, targetPort);
            _open[client] = server;
            await Task.WhenAny(PumpAsync(client.GetStream(), server.GetStream()), PumpAsync(server.GetStream(), client.GetStream()));
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut by Close() or by either side: the worker sees a broken connection, as it would in real life.
        }
        finally
        {
            _open.TryRemove(client, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            // One side went away; RelayAsync closes the other.
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
