// placeholder until the persistence layer lands
namespace perkara::persistence {}
