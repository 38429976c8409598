// The context of a C++ fragment that ends by throwing: what it throws is printed.
#include <iostream>
#include <sfcore/sfcore.hpp>

int main() {
    try {
        // @block
    } catch (const sfcore::error& e) {
        std::cout << "sfcore::error: " << e.what() << "\n";
    }
}
