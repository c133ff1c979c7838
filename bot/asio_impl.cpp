// Asio, Asio.SSL and Beast are compiled once, here (BOOST_*_SEPARATE_COMPILATION), so the
// other network files stay quick to rebuild.

#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
