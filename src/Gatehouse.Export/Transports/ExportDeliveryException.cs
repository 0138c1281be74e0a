namespace Gatehouse.Export.Transports;

/// <summary>A destination refused a batch or could not be reached; the exporter backs off and sends the batch again.</summary>
/// <remarks>The message names the destination and the reason (status, socket error), never event content.</remarks>
public sealed class ExportDeliveryException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ExportDeliveryException"/> class.</summary>
    public ExportDeliveryException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ExportDeliveryException"/> class with a message.</summary>
    public ExportDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ExportDeliveryException"/> class with a message and its cause.</summary>
    public ExportDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
