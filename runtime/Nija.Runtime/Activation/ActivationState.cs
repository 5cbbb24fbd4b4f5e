namespace Nija.Runtime.Activation;

internal enum ActivationState
{
    /// <summary>Constructing, reading state, running OnActivateAsync: messages wait.</summary>
    Creating,
    /// <summary>Taking messages.</summary>
    Valid,
    /// <summary>Waiting for running messages, then OnDeactivateAsync: new messages are forwarded afterwards.</summary>
    Deactivating,
    /// <summary>Gone: the catalog creates a new activation for the next message.</summary>
    Invalid,
}
