// A storage a torch.save checkpoint refers to by persistent id ('storage', type, key, location, numel):
// its blob is the zip entry <prefix>/data/<Key>. DType is null for storage types the engine does not read.
using IShowTts.Engine.Tensors;

namespace IShowTts.Engine.Weights.Internal.Pickle;

internal sealed record TorchStorage(string Key, string TypeName, DType? DType, string TorchDTypeName, int ElementSize, long ElementCount);
