using NatDsl.Model;

namespace NatDsl.Analysis.Trace;

/// <summary>
/// <see cref="IpNetwork.Contains"/> in 16 bytes instead of 48: an IPv4 network as its address
/// and mask words, any other network by reference.
/// </summary>
internal readonly struct NetworkTest
{
    private readonly uint _address;
    private readonly uint _mask;
    private readonly object? _other;

    public NetworkTest(IpNetwork network)
    {
        if (network.Family == IpFamily.V4)
        {
            _address = network.Address.V4Value;
            _mask = network.Mask.V4Value;
            _other = null;
        }
        else
        {
            _address = 0;
            _mask = 0;
            _other = network;
        }
    }

    public bool Contains(IpAddress address)
    {
        if (_other is null) return address.Family == IpFamily.V4 && (address.V4Value & _mask) == _address;
        return ((IpNetwork)_other).Contains(address);
    }
}
