"""An outside showcase (E-Dukasi) kept from Balai's `ukm.product` topic."""
